'use server';

import { revalidatePath } from 'next/cache';
import { requireUser } from '@/lib/auth/session';
import { getOwnedCase, touchCase } from '@/lib/cases/repository';
import { saveChecklistReason, saveRequirementTicks } from '@/lib/checklist/store';
import { checklistReasonSchema, requirementTicksSchema } from '@/lib/schemas/checklist';
import { fieldErrorCodes, type ActionResult } from '@/lib/schemas/errors';

/** Which requirements a file answers: the ticks on the evidence item, saved as soon as one changes. */
export async function saveRequirementTicksAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const user = await requireUser('/cases');
  const parsed = requirementTicksSchema.safeParse({
    caseId: formData.get('caseId'),
    evidenceId: formData.get('evidenceId'),
    mode: formData.get('mode'),
    ticked: formData.getAll('ticked'),
    shown: formData.getAll('shown'),
  });
  if (!parsed.success) return { ok: false, error: 'invalid' };
  const { caseId, evidenceId, ...choice } = parsed.data;
  if (!(await getOwnedCase(user.id, caseId))) return { ok: false, error: 'notFound' };
  if (!(await saveRequirementTicks(caseId, evidenceId, choice))) return { ok: false, error: 'notFound' };
  await touchCase(user.id, caseId);
  revalidatePath(`/cases/${caseId}`, 'layout');
  return { ok: true };
}

/** Why a requirement cannot be provided; an empty reason removes it and the review warns again. */
export async function saveChecklistReasonAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const user = await requireUser('/cases');
  const parsed = checklistReasonSchema.safeParse({ caseId: formData.get('caseId'), requirementId: formData.get('requirementId'), reason: formData.get('reason') ?? '' });
  if (!parsed.success) return { ok: false, error: 'invalid', fieldErrors: fieldErrorCodes(parsed.error) };
  const { caseId, requirementId, reason } = parsed.data;
  if (!(await getOwnedCase(user.id, caseId))) return { ok: false, error: 'notFound' };
  await saveChecklistReason(caseId, requirementId, reason);
  await touchCase(user.id, caseId);
  revalidatePath(`/cases/${caseId}`, 'layout');
  return { ok: true };
}
