import 'server-only';
import { db } from '@/lib/db/client';
import { checkTracking } from '@/lib/logistics/detect';
import { isOrderStatus } from '@/lib/orders/status';
import type { OrderRecord } from '@/lib/orders/types';
import { isProvince } from './province';
import { runAudit, type AuditResult } from './run-audit';
import type { Promotion } from './types';
import { CHINA_OFFSET_MINUTES } from './rules/burst';

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

/**
 * A declared promotion as the burst rule compares it (and the charts shade it): from midnight of its
 * first day to midnight after its last, in China time (the dates are calendar dates, stored as UTC
 * midnight; read as UTC, a promotion ran 08:00 to 08:00 and a burst in its first night was not covered).
 */
export function promotionWindow(p: { startsOn: Date; endsOn: Date }): Promotion {
  const offset = CHINA_OFFSET_MINUTES * 60_000;
  return { start: new Date(p.startsOn.getTime() - offset), end: new Date(p.endsOn.getTime() + 24 * 60 * 60 * 1000 - offset) };
}

function loadOrders(caseId: string) {
  return db.order.findMany({
    where: { caseId },
    omit: { id: true, caseId: true, flagged: true, trackingHistory: true, source: true, createdAt: true, updatedAt: true },
  });
}

/**
 * Every rule over all the case's orders (the platform sees the whole shop, not only the flagged
 * orders), with its ship-from province and promotions. The expensive part the cache saves.
 */
export async function computeAudit(caseId: string): Promise<AuditResult> {
  const [c, orders, promotions] = await Promise.all([
    db.case.findUniqueOrThrow({ where: { id: caseId }, select: { shipFromProvince: true } }),
    loadOrders(caseId),
    db.promotion.findMany({ where: { caseId }, select: { startsOn: true, endsOn: true } }),
  ]);
  return runAudit(orders.map(toRecord), {
    checkTracking: ({ trackingNo, carrierName }) => checkTracking({ trackingNo, carrierName }),
    shipFromProvince: isProvince(c.shipFromProvince) ? c.shipFromProvince : undefined,
    promotions: promotions.map(promotionWindow),
  });
}
