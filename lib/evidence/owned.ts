import 'server-only';
import { currentUser } from '@/lib/auth/session';
import { db } from '@/lib/db/client';

/** The signed-in user's evidence file, or null: no session, not theirs and missing all look the same. */
export async function ownedEvidence(caseId: string, evidenceId: string) {
  const user = await currentUser();
  return user ? db.evidence.findFirst({ where: { id: evidenceId, caseId, case: { userId: user.id } } }) : null;
}
