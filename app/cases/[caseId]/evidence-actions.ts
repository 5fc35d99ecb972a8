'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireUser } from '@/lib/auth/session';
import { getOwnedCase, touchCase } from '@/lib/cases/repository';
import { lockCase } from '@/lib/db/case-lock';
import { db } from '@/lib/db/client';
import { EVIDENCE_CATEGORIES } from '@/lib/evidence/categories';
import { appendToCategory } from '@/lib/evidence/exhibit-order';
import { parsePastedOrderNumbers } from '@/lib/orders/paste';
import { optionalCalendarDateSchema } from '@/lib/schemas/dates';
import { fieldErrorCodes, type ActionResult } from '@/lib/schemas/errors';
import { draftText } from '@/lib/schemas/text';
import { releaseBytes } from '@/lib/quota/storage';
import { blobStore } from '@/lib/storage';

const detailsSchema = z.object({
  caseId: z.string().min(1).max(64),
  evidenceId: z.string().min(1).max(64),
  category: z.enum(EVIDENCE_CATEGORIES),
  title: draftText(120),
  documentDate: optionalCalendarDateSchema,
  description: draftText(2000),
  orderNumbers: draftText(200_000),
});

/**
 * What the merchant says about a file: category (moving it appends it to the
 * new category), title, date, description, and the orders it proves. Order
 * numbers not in the case are reported, not created.
 */
export async function saveEvidenceDetailsAction(_prev: ActionResult<string[]>, formData: FormData): Promise<ActionResult<string[]>> {
  const user = await requireUser('/cases');
  // Orders arrive both pasted (orderNumbers) and ticked from the case's flagged orders (pick).
  const picked = formData.getAll('pick').map(String).join('\n');
  const parsed = detailsSchema.safeParse({ ...Object.fromEntries(formData), orderNumbers: `${formData.get('orderNumbers') ?? ''}\n${picked}` });
  if (!parsed.success) return { ok: false, error: 'invalid', fieldErrors: fieldErrorCodes(parsed.error) };
  const { caseId, evidenceId, category, title, documentDate, description, orderNumbers } = parsed.data;
  if (!(await getOwnedCase(user.id, caseId))) return { ok: false, error: 'notFound' };
  const evidence = await db.evidence.findFirst({ where: { id: evidenceId, caseId } });
  if (!evidence) return { ok: false, error: 'notFound' };

  const { orderNos } = parsePastedOrderNumbers(orderNumbers);
  const orders = await db.order.findMany({ where: { caseId, orderNo: { in: orderNos.slice(0, 5000) } }, select: { id: true, orderNo: true } });
  const found = new Set(orders.map((o) => o.orderNo));
  const moved = category !== evidence.category;
  await db.$transaction([
    // The case's lock first, as every numbering transaction takes it (lib/db/case-lock.ts).
    ...(moved ? [lockCase(db, caseId)] : []),
    db.evidence.update({ where: { id: evidenceId }, data: { title: title.trim(), documentDate, description } }),
    // Moved to another category: appended at its end, numbered in the same statement.
    ...(moved ? [appendToCategory(db, evidenceId, caseId, category)] : []),
    db.evidenceOrder.deleteMany({ where: { evidenceId } }),
    db.evidenceOrder.createMany({ data: orders.map((o) => ({ evidenceId, orderId: o.id })) }),
  ]);
  await touchCase(user.id, caseId);
  revalidatePath(`/cases/${caseId}`, 'layout');
  return { ok: true, data: orderNos.filter((no) => !found.has(no)) };
}

/** Removes a file: its row, its links, its original bytes and its derived copies. */
export async function deleteEvidenceAction(formData: FormData): Promise<void> {
  const user = await requireUser('/cases');
  const caseId = String(formData.get('caseId') ?? '');
  if (!(await getOwnedCase(user.id, caseId))) return;
  const evidence = await db.evidence.findFirst({ where: { id: String(formData.get('evidenceId') ?? ''), caseId } });
  if (!evidence) return;
  // Only the request that actually removed the row gives its bytes back: two clicks release once.
  const { count } = await db.evidence.deleteMany({ where: { id: evidence.id, caseId } });
  if (count === 0) return;
  await releaseBytes(user.id, caseId, evidence.size);
  const store = blobStore();
  await Promise.all([evidence.storageKey, evidence.thumbnailKey, evidence.previewKey].filter((k): k is string => !!k).map((k) => store.delete(k)));
  await touchCase(user.id, caseId);
  revalidatePath(`/cases/${caseId}`, 'layout');
}
