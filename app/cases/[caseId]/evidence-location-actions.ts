'use server';

import { revalidatePath } from 'next/cache';
import { requireUser } from '@/lib/auth/session';
import { getOwnedCase, touchCase } from '@/lib/cases/repository';
import { setOmitOriginal } from '@/lib/evidence/location';
import { omitOriginalSchema } from '@/lib/schemas/evidence-original';

/** Leaves an original with a location out of the exports, or puts it back; storage is never touched. */
export async function setOmitOriginalAction(formData: FormData): Promise<void> {
  const user = await requireUser('/cases');
  const parsed = omitOriginalSchema.safeParse({ caseId: formData.get('caseId'), evidenceId: formData.get('evidenceId'), omit: formData.get('omit') ?? undefined });
  if (!parsed.success) return;
  const { caseId, evidenceId, omit } = parsed.data;
  if (!(await getOwnedCase(user.id, caseId))) return;
  if (!(await setOmitOriginal(caseId, evidenceId, omit))) return;
  await touchCase(user.id, caseId);
  revalidatePath(`/cases/${caseId}/evidence`);
}
