'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireUser } from '@/lib/auth/session';
import { getOwnedCase, touchCase } from '@/lib/cases/repository';
import { IMPORT_JOB } from '@/lib/jobs/handlers';
import { jobRunner } from '@/lib/jobs/runner';
import { importJobInputSchema } from '@/lib/orders/import-job';
import { importFileKept } from '@/lib/orders/import-session';
import { checkOrderCapacity, importOverCap } from '@/lib/orders/caps';
import { OrderCapReached } from '@/lib/orders/import-cap';
import { parsePastedOrderNumbers, PASTE_MAX_CHARS } from '@/lib/orders/paste';
import { parseAmountCents, parseOrderNo } from '@/lib/orders/import/normalise';
import { optionalChinaLocalSchema } from '@/lib/schemas/china-time';
import { fieldErrorCodes, type ActionResult } from '@/lib/schemas/errors';
import { draftText } from '@/lib/schemas/text';
import { setFlagged, upsertOrders } from '@/lib/orders/repository';

export type PasteResult =
  | { ok: true; added: number; existing: number; invalid: string[]; flagged: boolean }
  | { ok: false; error: 'notFound' | 'empty' | 'tooLong' }
  /** More numbers than one import may bring (MAX_ORDERS_PER_IMPORT). */
  | { ok: false; error: 'overImportLimit'; count: number; limit: number }
  /** The case would hold more orders than it may (MAX_ORDERS_PER_CASE): nothing was added. */
  | { ok: false; error: 'overCaseLimit'; limit: number; current: number; incoming: number };

/**
 * The case reached its cap between the check and the save (orders added elsewhere meanwhile): the
 * same answer as the check's when nothing was added. A paste that had saved some chunks already
 * (two large pastes at once, straddling the cap) is an error for the error page.
 */
function nothingAddedOverCap(error: unknown): { error: 'overCaseLimit'; limit: number; current: number; incoming: number } {
  if (error instanceof OrderCapReached && error.created === 0) return { error: 'overCaseLimit', limit: error.limit, current: error.current, incoming: error.incoming };
  throw error;
}

/** Adds pasted order numbers to the case; marks them flagged when they come from the platform's notice. */
export async function addOrderNumbersAction(_prev: PasteResult | null, formData: FormData): Promise<PasteResult> {
  const user = await requireUser('/cases');
  const caseId = String(formData.get('caseId') ?? '');
  if (!(await getOwnedCase(user.id, caseId))) return { ok: false, error: 'notFound' };
  const text = String(formData.get('orderNumbers') ?? '');
  if (text.length > PASTE_MAX_CHARS) return { ok: false, error: 'tooLong' };
  const flagged = formData.get('flagged') === 'on';
  const { orderNos, invalid } = parsePastedOrderNumbers(text);
  if (orderNos.length === 0) return invalid.length > 0 ? { ok: true, added: 0, existing: 0, invalid, flagged } : { ok: false, error: 'empty' };
  const overImport = importOverCap(orderNos.length);
  if (overImport) return { ok: false, error: 'overImportLimit', ...overImport };
  const capacity = await checkOrderCapacity(caseId, orderNos);
  if (!capacity.ok) return { ok: false, error: 'overCaseLimit', limit: capacity.limit, current: capacity.current, incoming: capacity.incoming };
  const saved = await upsertOrders(caseId, orderNos.map((orderNo) => ({ orderNo })), 'paste', { flagged }).catch(nothingAddedOverCap);
  if ('error' in saved) return { ok: false, error: 'overCaseLimit', limit: saved.limit, current: saved.current, incoming: saved.incoming };
  const { created } = saved;
  await touchCase(user.id, caseId);
  revalidatePath(`/cases/${caseId}`, 'layout');
  return { ok: true, added: created, existing: orderNos.length - created, invalid: invalid.slice(0, 50), flagged };
}

/** Ticks or unticks one order as flagged by the platform. */
export async function setOrderFlaggedAction(formData: FormData): Promise<void> {
  const user = await requireUser('/cases');
  const caseId = String(formData.get('caseId') ?? '');
  if (!(await getOwnedCase(user.id, caseId))) return;
  await setFlagged(caseId, [String(formData.get('orderNo') ?? '')], formData.get('flagged') === 'true');
  await touchCase(user.id, caseId);
  revalidatePath(`/cases/${caseId}`, 'layout');
}

export type ImportResult = { ok: true; jobId: string } | { ok: false; error: 'notFound' | 'expired' | 'invalidMapping' };

const confirmSchema = importJobInputSchema.extend({ caseId: z.string().min(1).max(64) });

/**
 * Step two of an import: queue the job that reads the kept file with exactly the choices the
 * merchant confirmed and saves the orders (lib/orders/import-job.ts). A 50,000-row export takes
 * seconds: the orders step shows its progress, and the merchant is free to leave.
 */
export async function confirmImportAction(input: z.input<typeof confirmSchema>): Promise<ImportResult> {
  const user = await requireUser('/cases');
  const args = confirmSchema.safeParse(input);
  if (!args.success) return { ok: false, error: 'invalidMapping' };
  const { caseId, ...job } = args.data;
  if (!(await getOwnedCase(user.id, caseId))) return { ok: false, error: 'notFound' };
  if (!(await importFileKept(caseId, job.importId))) return { ok: false, error: 'expired' };
  const jobId = await jobRunner().enqueue(caseId, IMPORT_JOB, job);
  revalidatePath(`/cases/${caseId}`, 'layout');
  return { ok: true, jobId };
}

const manualSchema = z.object({
  caseId: z.string().min(1).max(64),
  orderNo: z.string().transform((s, ctx) => {
    const parsed = parseOrderNo(s);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: s.trim() === '' ? 'required' : 'invalid' });
    return parsed.ok ? parsed.value : z.NEVER;
  }),
  orderedAt: optionalChinaLocalSchema,
  amount: z.string().transform((s, ctx) => {
    if (s.trim() === '') return undefined;
    const parsed = parseAmountCents(s);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: 'invalid' });
    return parsed.ok ? parsed.value : z.NEVER;
  }),
  itemTitle: draftText(200),
  trackingNo: draftText(40),
  carrier: draftText(40),
});

/** Adds (or fills in) one order typed by hand. */
export async function addManualOrderAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const user = await requireUser('/cases');
  const parsed = manualSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, error: 'invalid', fieldErrors: fieldErrorCodes(parsed.error) };
  const { caseId, orderNo, orderedAt, amount, itemTitle, trackingNo, carrier } = parsed.data;
  if (!(await getOwnedCase(user.id, caseId))) return { ok: false, error: 'notFound' };
  const capacity = await checkOrderCapacity(caseId, [orderNo]);
  if (!capacity.ok) return { ok: false, error: 'overCaseLimit', values: { limit: capacity.limit } };
  const record = { orderNo, createdAt: orderedAt ?? undefined, amountCents: amount, itemTitle: itemTitle.trim() || undefined, trackingNo: trackingNo.trim() || undefined, carrier: carrier.trim() || undefined };
  const saved = await upsertOrders(caseId, [record], 'manual', { flagged: formData.get('flagged') === 'on' }).catch(nothingAddedOverCap);
  if ('error' in saved) return { ok: false, error: 'overCaseLimit', values: { limit: saved.limit } };
  await touchCase(user.id, caseId);
  revalidatePath(`/cases/${caseId}`, 'layout');
  return { ok: true };
}
