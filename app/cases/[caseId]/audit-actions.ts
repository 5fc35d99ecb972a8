'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireUser } from '@/lib/auth/session';
import { getOwnedCase, touchCase } from '@/lib/cases/repository';
import { auditState } from '@/lib/audit/audit-job';
import { ruleNoteId } from '@/lib/audit/groups';
import { isProvince } from '@/lib/audit/province';
import { RULE_IDS } from '@/lib/audit/types';
import { db } from '@/lib/db/client';
import { requiredCalendarDateSchema } from '@/lib/schemas/dates';
import { draftText, singleLine } from '@/lib/schemas/text';
import { fieldErrorCodes, type ActionResult } from '@/lib/schemas/errors';

// A finding's id (rule-hash) or a rule's note id (rule:<ruleId>, one explanation for all its findings).
const noteIdSchema = z
  .string()
  .min(1)
  .max(64)
  .refine((id) => !id.startsWith('rule:') || RULE_IDS.some((rule) => ruleNoteId(rule) === id));

const noteSchema = z.object({
  caseId: z.string().min(1).max(64),
  findingId: noteIdSchema,
  explanation: draftText(5000),
  include: z.boolean(),
});

/**
 * Saves the merchant's explanation of a rule (for all its findings) or of one finding (an override),
 * and whether it goes into the bundle. The navigator's audit state may change, hence the layout.
 */
export async function saveAuditNoteAction(input: z.input<typeof noteSchema>): Promise<ActionResult> {
  const user = await requireUser('/cases');
  const parsed = noteSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: 'invalid', fieldErrors: fieldErrorCodes(parsed.error) };
  const { caseId, findingId, explanation, include } = parsed.data;
  if (!(await getOwnedCase(user.id, caseId))) return { ok: false, error: 'notFound' };
  await db.auditNote.upsert({
    where: { caseId_findingId: { caseId, findingId } },
    create: { caseId, findingId, explanation, include },
    update: { explanation, include },
  });
  await touchCase(user.id, caseId);
  revalidatePath(`/cases/${caseId}`, 'layout');
  return { ok: true };
}

const clearSchema = z.object({ caseId: z.string().min(1).max(64), findingId: noteIdSchema });

/** Drops a finding's override: it follows its rule's explanation and inclusion again. */
export async function clearAuditNoteAction(input: z.input<typeof clearSchema>): Promise<ActionResult> {
  const user = await requireUser('/cases');
  const parsed = clearSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: 'invalid' };
  const { caseId, findingId } = parsed.data;
  if (!(await getOwnedCase(user.id, caseId))) return { ok: false, error: 'notFound' };
  await db.auditNote.deleteMany({ where: { caseId, findingId } });
  await touchCase(user.id, caseId);
  revalidatePath(`/cases/${caseId}`, 'layout');
  return { ok: true };
}

/** Runs again an audit that failed on the case's current data (a page view alone never re-queues it). */
export async function retryAuditAction(formData: FormData): Promise<void> {
  const user = await requireUser('/cases');
  const caseId = String(formData.get('caseId') ?? '');
  if (!(await getOwnedCase(user.id, caseId))) return;
  await auditState(caseId, { retry: true });
  revalidatePath(`/cases/${caseId}`, 'layout');
}

/** Where the shop ships from: the self-audit then judges delivery speed by distance. */
export async function setShipFromAction(formData: FormData): Promise<void> {
  const user = await requireUser('/cases');
  const caseId = String(formData.get('caseId') ?? '');
  const province = String(formData.get('shipFromProvince') ?? '');
  if (!(await getOwnedCase(user.id, caseId)) || (province !== '' && !isProvince(province))) return;
  await db.case.updateMany({ where: { id: caseId, userId: user.id }, data: { shipFromProvince: province } });
  await touchCase(user.id, caseId);
  revalidatePath(`/cases/${caseId}`, 'layout');
}

const promotionSchema = z
  .object({
    caseId: z.string().min(1).max(64),
    name: singleLine(60),
    startsOn: requiredCalendarDateSchema,
    endsOn: requiredCalendarDateSchema,
    channels: z.string().max(200),
  })
  .refine((p) => p.endsOn >= p.startsOn, { path: ['endsOn'], error: 'endBeforeStart' });

/** A promotion the merchant ran: bursts inside it are marked as explained (never hidden). */
export async function addPromotionAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const user = await requireUser('/cases');
  const parsed = promotionSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, error: 'invalid', fieldErrors: fieldErrorCodes(parsed.error) };
  const { caseId, ...promotion } = parsed.data;
  if (!(await getOwnedCase(user.id, caseId))) return { ok: false, error: 'notFound' };
  await db.promotion.create({ data: { caseId, ...promotion } });
  await touchCase(user.id, caseId);
  revalidatePath(`/cases/${caseId}`, 'layout');
  return { ok: true };
}

export async function deletePromotionAction(formData: FormData): Promise<void> {
  const user = await requireUser('/cases');
  const caseId = String(formData.get('caseId') ?? '');
  if (!(await getOwnedCase(user.id, caseId))) return;
  await db.promotion.deleteMany({ where: { id: String(formData.get('promotionId') ?? ''), caseId } });
  await touchCase(user.id, caseId);
  revalidatePath(`/cases/${caseId}`, 'layout');
}
