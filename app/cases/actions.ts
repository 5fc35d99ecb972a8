'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireUser } from '@/lib/auth/session';
import { deleteCase, renameCase, tryCreateCase } from '@/lib/cases/repository';
import { FIRST_STEP } from '@/lib/cases/steps';
import { caseIdSchema, createCaseSchema, renameCaseSchema } from '@/lib/schemas/case';
import { fieldErrorCodes, type ActionResult } from '@/lib/schemas/errors';

// Each action re-checks the session first; the repository then touches only
// the caller's own cases, so someone else's case id is simply "not found".

export async function createCaseAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const user = await requireUser('/cases');
  const parsed = createCaseSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, error: 'invalid', fieldErrors: fieldErrorCodes(parsed.error) };
  const created = await tryCreateCase(user.id, parsed.data);
  if (!created.ok) return { ok: false, error: created.error, values: { limit: created.limit } };
  revalidatePath('/cases');
  redirect(`/cases/${created.case.id}/${FIRST_STEP}`);
}

export async function renameCaseAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const user = await requireUser('/cases');
  const parsed = renameCaseSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, error: 'invalid', fieldErrors: fieldErrorCodes(parsed.error) };
  if (!(await renameCase(user.id, parsed.data.caseId, parsed.data.title))) return { ok: false, error: 'notFound' };
  revalidatePath('/cases');
  return { ok: true };
}

export async function deleteCaseAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const user = await requireUser('/cases');
  const parsed = caseIdSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success || !(await deleteCase(user.id, parsed.data.caseId))) return { ok: false, error: 'notFound' };
  revalidatePath('/cases');
  return { ok: true };
}
