import 'server-only';
import { db } from '@/lib/db/client';
import { checkTracking } from '@/lib/logistics/detect';
import { isOrderStatus } from '@/lib/orders/status';
import type { OrderRecord } from '@/lib/orders/types';
import { isProvince } from './province';
import { runAudit } from './run-audit';
import type { Finding } from './types';

export type AuditNoteView = { explanation: string; include: boolean };

/** An Order row as the audit reads it (undefined, not null, for what the export lacked). */
function toRecord(o: Awaited<ReturnType<typeof loadOrders>>[number]): OrderRecord {
  const v = <T,>(x: T | null) => x ?? undefined;
  return {
    orderNo: o.orderNo,
    buyerName: v(o.buyerName),
    buyerPhone: v(o.buyerPhone),
    address: v(o.address),
    ip: v(o.ip),
    createdAt: v(o.orderedAt),
    paidAt: v(o.paidAt),
    amountCents: v(o.amountCents),
    itemTitle: v(o.itemTitle),
    quantity: v(o.quantity),
    trackingNo: v(o.trackingNo),
    carrier: v(o.carrier),
    shippedAt: v(o.shippedAt),
    signedAt: v(o.signedAt),
    status: isOrderStatus(o.status) ? o.status : undefined,
    statusText: v(o.statusText),
    refundCents: v(o.refundCents),
  };
}

function loadOrders(caseId: string) {
  return db.order.findMany({ where: { caseId }, omit: { id: true, caseId: true, trackingHistory: true, source: true, createdAt: true, updatedAt: true } });
}

/**
 * The self-audit of a case: every rule over all its orders (the platform sees
 * the whole shop, not only the flagged orders), the merchant's promotions, and
 * the explanations already written, keyed by the findings' stable ids.
 */
export async function runCaseAudit(caseId: string) {
  const [c, orders, promotions, notes] = await Promise.all([
    db.case.findUniqueOrThrow({ where: { id: caseId }, select: { shipFromProvince: true } }),
    loadOrders(caseId),
    db.promotion.findMany({ where: { caseId }, orderBy: { startsOn: 'asc' } }),
    db.auditNote.findMany({ where: { caseId } }),
  ]);
  const flagged = new Set(orders.filter((o) => o.flagged).map((o) => o.orderNo));
  const { findings, stats } = runAudit(orders.map(toRecord), {
    checkTracking: ({ trackingNo, carrierName }) => checkTracking({ trackingNo, carrierName }),
    shipFromProvince: isProvince(c.shipFromProvince) ? c.shipFromProvince : undefined,
    // A promotion's last day counts in full.
    promotions: promotions.map((p) => ({ start: p.startsOn, end: new Date(p.endsOn.getTime() + 24 * 60 * 60 * 1000) })),
  });
  const noteByFinding = new Map(notes.map((n) => [n.findingId, { explanation: n.explanation, include: n.include }]));
  return {
    findings: findings.map((f: Finding) => ({ ...f, flaggedOrders: f.orderNos.filter((no) => flagged.has(no)).length, note: noteByFinding.get(f.id) })),
    promotions,
    shipFromProvince: c.shipFromProvince,
    stats,
  };
}
