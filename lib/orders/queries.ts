import 'server-only';
import { db } from '@/lib/db/client';
import { checkTracking } from '@/lib/logistics/detect';
import { coverageRow, EVIDENCE_KINDS } from './coverage';
import { linkedKindsByOrder } from './linked-evidence';

/** The case's flagged orders, by order number, at most `take` (the pages that list them cap it). */
export function flaggedOrders(caseId: string, take: number) {
  return db.order.findMany({ where: { caseId, flagged: true }, orderBy: { orderNo: 'asc' }, take });
}

export async function flaggedOrderNos(caseId: string, take: number): Promise<string[]> {
  const rows = await db.order.findMany({ where: { caseId, flagged: true }, select: { orderNo: true }, orderBy: { orderNo: 'asc' }, take });
  return rows.map((o) => o.orderNo);
}

/** Orders nothing at all covers yet: no valid tracking number and no linked file. */
export async function orderNosWithoutEvidence(caseId: string): Promise<Set<string>> {
  const [orders, linked] = await Promise.all([
    db.order.findMany({ where: { caseId }, select: { orderNo: true, trackingNo: true, carrier: true } }),
    linkedKindsByOrder(caseId),
  ]);
  const uncovered = (o: (typeof orders)[number]) =>
    coverageRow(o.orderNo, checkTracking({ trackingNo: o.trackingNo ?? '', carrierName: o.carrier }).status, linked.get(o.orderNo) ?? new Set()).missing.length === EVIDENCE_KINDS.length;
  return new Set(orders.filter(uncovered).map((o) => o.orderNo));
}
