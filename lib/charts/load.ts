import 'server-only';
import { promotionWindow } from '@/lib/audit/compute';
import type { Finding } from '@/lib/audit/types';
import { db } from '@/lib/db/client';
import { isOrderStatus } from '@/lib/orders/status';
import { buildCaseCharts, type CaseCharts } from './case-charts';

/**
 * The case's chart data: its orders (only the columns the pictures read), flags and promotions,
 * drawn with the given findings (all of them on the audit step, those going into the bundle for
 * the bundle). A read of every order: worker threads and export jobs only, like the audit.
 */
export async function loadCaseCharts(caseId: string, findings: readonly Pick<Finding, 'rule' | 'orderNos' | 'params' | 'explainedByPromotion'>[]): Promise<CaseCharts> {
  const [rows, promotions] = await Promise.all([
    db.order.findMany({
      where: { caseId },
      select: { orderNo: true, orderedAt: true, paidAt: true, status: true, amountCents: true, quantity: true, itemTitle: true, flagged: true },
    }),
    db.promotion.findMany({ where: { caseId }, select: { name: true, startsOn: true, endsOn: true }, orderBy: { startsOn: 'asc' } }),
  ]);
  const v = <T,>(x: T | null) => x ?? undefined;
  const orders = rows.map((o) => ({
    orderNo: o.orderNo,
    createdAt: v(o.orderedAt),
    paidAt: v(o.paidAt),
    status: isOrderStatus(o.status) ? o.status : undefined,
    amountCents: v(o.amountCents),
    quantity: v(o.quantity),
    itemTitle: v(o.itemTitle),
  }));
  const flagged = new Set(rows.filter((o) => o.flagged).map((o) => o.orderNo));
  const windows = promotions.map((p) => {
    const { start, end } = promotionWindow(p);
    return { name: p.name, start: start.getTime(), end: end.getTime() };
  });
  return buildCaseCharts({ orders, flagged, promotions: windows, findings });
}
