'use server';

import { revalidatePath } from 'next/cache';
import { requireUser } from '@/lib/auth/session';
import { getOwnedCase, touchCase } from '@/lib/cases/repository';
import { parsePastedOrderNumbers, PASTE_MAX_CHARS } from '@/lib/orders/paste';
import { setFlagged, upsertOrders } from '@/lib/orders/repository';

export type PasteResult =
  | { ok: true; added: number; existing: number; invalid: string[]; flagged: boolean }
  | { ok: false; error: 'notFound' | 'empty' | 'tooLong' };

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
  const { created } = await upsertOrders(caseId, orderNos.map((orderNo) => ({ orderNo })), 'paste', { flagged });
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
