'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireUser } from '@/lib/auth/session';
import { getOwnedCase, touchCase } from '@/lib/cases/repository';
import { db } from '@/lib/db/client';
import { normaliseTrackingNo } from '@/lib/logistics/detect';
import { optionalChinaLocalSchema } from '@/lib/schemas/china-time';
import { fieldErrorCodes, type ActionResult } from '@/lib/schemas/errors';
import { draftText } from '@/lib/schemas/text';

const logisticsSchema = z
  .object({
    caseId: z.string().min(1).max(64),
    orderNo: z.string().min(1).max(64),
    carrier: draftText(40),
    trackingNo: draftText(40),
    shippedAt: optionalChinaLocalSchema,
    signedAt: optionalChinaLocalSchema,
    trackingHistory: draftText(20_000),
  })
  .refine((v) => !v.shippedAt || !v.signedAt || v.signedAt >= v.shippedAt, { path: ['signedAt'], error: 'endBeforeStart' });

/**
 * Saves one order's delivery details as the merchant states them. A tracking
 * number that does not fit its carrier is kept and shown as a warning: carriers
 * change formats, and the original slip is what counts.
 */
export async function saveOrderLogisticsAction(_prev: ActionResult<string>, formData: FormData): Promise<ActionResult<string>> {
  const user = await requireUser('/cases');
  const parsed = logisticsSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, error: 'invalid', fieldErrors: fieldErrorCodes(parsed.error) };
  const { caseId, orderNo, carrier, trackingNo, ...rest } = parsed.data;
  if (!(await getOwnedCase(user.id, caseId))) return { ok: false, error: 'notFound' };
  const tracking = normaliseTrackingNo(trackingNo);
  const { count } = await db.order.updateMany({
    where: { caseId, orderNo },
    data: { carrier: carrier.trim() || null, trackingNo: tracking || null, ...rest },
  });
  if (count === 0) return { ok: false, error: 'notFound' };
  await touchCase(user.id, caseId);
  revalidatePath(`/cases/${caseId}/logistics`);
  return { ok: true, data: new Date().toISOString() };
}
