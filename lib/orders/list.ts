import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db/client';

export const ORDER_PAGE_SIZE = 50;

export const ORDER_FILTERS = ['all', 'flagged', 'unflagged', 'withFindings', 'withoutEvidence'] as const;
export type OrderFilter = (typeof ORDER_FILTERS)[number];

/** The table's query, from the URL: anything unexpected falls back to the default. */
export const orderQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  filter: z.enum(ORDER_FILTERS).catch('all'),
  sort: z.enum(['orderedAt', 'amountCents', 'orderNo']).catch('orderedAt'),
  dir: z.enum(['asc', 'desc']).catch('desc'),
});
export type OrderQuery = z.output<typeof orderQuerySchema>;

type SortKey = OrderQuery['sort'];

function compare(a: Record<SortKey, unknown>, b: Record<SortKey, unknown>, sort: SortKey, dir: 'asc' | 'desc'): number {
  const x = a[sort];
  const y = b[sort];
  if (x == null || y == null) return x == null && y == null ? 0 : x == null ? 1 : -1; // empty values last
  const order = x instanceof Date && y instanceof Date ? x.getTime() - y.getTime() : x < y ? -1 : x > y ? 1 : 0;
  return dir === 'asc' ? order : -order;
}

/**
 * One page of the case's orders. Flag filters run in the database; filters
 * computed by the app (audit findings, evidence coverage) pass the matching
 * order numbers, which are filtered and sorted here on a light projection, so
 * no query needs tens of thousands of bound parameters.
 */
export async function listOrders(caseId: string, query: OrderQuery, onlyOrderNos?: ReadonlySet<string>) {
  const [flagged, all] = await Promise.all([db.order.count({ where: { caseId, flagged: true } }), db.order.count({ where: { caseId } })]);
  const skip = (query.page - 1) * ORDER_PAGE_SIZE;
  let rows;
  let total;
  if (onlyOrderNos) {
    const light = await db.order.findMany({ where: { caseId }, select: { id: true, orderNo: true, orderedAt: true, amountCents: true } });
    const matching = light.filter((o) => onlyOrderNos.has(o.orderNo)).sort((a, b) => compare(a, b, query.sort, query.dir) || (a.orderNo < b.orderNo ? -1 : 1));
    const ids = matching.slice(skip, skip + ORDER_PAGE_SIZE).map((o) => o.id);
    const full = new Map((await db.order.findMany({ where: { id: { in: ids } } })).map((o) => [o.id, o]));
    rows = ids.map((id) => full.get(id)).filter((o) => o !== undefined);
    total = matching.length;
  } else {
    const where = { caseId, ...(query.filter === 'flagged' ? { flagged: true } : query.filter === 'unflagged' ? { flagged: false } : {}) };
    [rows, total] = await Promise.all([
      db.order.findMany({ where, orderBy: [{ [query.sort]: { sort: query.dir, nulls: 'last' } }, { orderNo: 'asc' }], skip, take: ORDER_PAGE_SIZE }),
      db.order.count({ where }),
    ]);
  }
  return { rows, total, counts: { all, flagged, unflagged: all - flagged }, pages: Math.max(1, Math.ceil(total / ORDER_PAGE_SIZE)) };
}
