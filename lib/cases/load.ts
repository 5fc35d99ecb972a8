import 'server-only';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { requireUser } from '@/lib/auth/session';
import { getOwnedCase } from './repository';

const ownedCase = cache((userId: string, caseId: string) => getOwnedCase(userId, caseId));

/**
 * For pages: the signed-in user's case, a redirect to login (coming back to
 * `returnTo`), or 404 when the case is not theirs or does not exist.
 */
export async function loadOwnedCase(caseId: string, returnTo: string) {
  const user = await requireUser(returnTo);
  const found = await ownedCase(user.id, caseId);
  if (!found) notFound();
  return { user, case: found };
}
