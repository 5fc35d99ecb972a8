import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db/client';

export const ORDER_PAGE_SIZE = 50;

/** The table's query, from the URL: anything unexpected falls back to the default. */
export const orderQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  filter: z.enum(['all', 'flagged', 'unflagged']).catch('all'),
  sort: z.enum(['orderedAt', 'amountCents', 'orderNo']).catch('orderedAt'),
  dir: z.enum(['asc', 'desc']).catch('desc'),
});
export type OrderQuery = z.output<typeof orderQuerySchema>;

/** One page of the case's orders, sorted and filtered in the database, with the counts the tabs show. */
export async function listOrders(caseId: string, query: OrderQuery) {
  const where = { caseId, ...(query.filter === 'all' ? {} : { flagged: query.filter === 'flagged' }) };
  const [rows, total, flagged, all] = await Promise.all([
    db.order.findMany({
      where,
      orderBy: [{ [query.sort]: { sort: query.dir, nulls: 'last' } }, { orderNo: 'asc' }],
      skip: (query.page - 1) * ORDER_PAGE_SIZE,
      take: ORDER_PAGE_SIZE,
    }),
    db.order.count({ where }),
    db.order.count({ where: { caseId, flagged: true } }),
    db.order.count({ where: { caseId } }),
  ]);
  return { rows, total, counts: { all, flagged, unflagged: all - flagged }, pages: Math.max(1, Math.ceil(total / ORDER_PAGE_SIZE)) };
}
