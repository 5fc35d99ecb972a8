import 'server-only';
import { orderNosWithFindings } from '@/lib/audit/case-audit';
import { orderNosWithoutEvidence } from './queries';
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { ORDER_STATUSES, type OrderStatus } from './status';

export const ORDER_PAGE_SIZE = 50;

export const ORDER_FILTERS = ['all', 'flagged', 'unflagged', 'withFindings', 'withoutEvidence'] as const;
export type OrderFilter = (typeof ORDER_FILTERS)[number];

export const ORDER_SORTS = ['orderNo', 'orderedAt', 'paidAt', 'amountCents', 'status'] as const;
export type OrderSort = (typeof ORDER_SORTS)[number];

/** 'any' shows every order; 'none' the orders whose export had no status. */
export const STATUS_FILTERS = ['any', ...ORDER_STATUSES, 'none'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

/** The table's query, from the URL: anything unexpected falls back to the default. */
export const orderQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  filter: z.enum(ORDER_FILTERS).catch('all'),
  status: z.enum(STATUS_FILTERS).catch('any'),
  sort: z.enum(ORDER_SORTS).catch('orderedAt'),
  dir: z.enum(['asc', 'desc']).catch('desc'),
});
export type OrderQuery = z.output<typeof orderQuerySchema>;

type Light = { id: string; orderNo: string; orderedAt: Date | null; paidAt: Date | null; amountCents: number | null; status: string | null };

// Order numbers are digit strings of different lengths (and Amazon's 123-1234567-1234567):
// compared by the value of their digit runs, so 999 comes before 1000, never as a float.
const numeric = new Intl.Collator('en', { numeric: true });

/** By order number as a merchant reads it; equal values ('012' and '12') fall back to the raw text, so the order is total. */
export function compareOrderNos(a: string, b: string): number {
  return numeric.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Statuses sort in the order an order lives through them, not by their translated label. */
const statusRank = (s: string | null) => (s == null ? null : ORDER_STATUSES.indexOf(s as OrderStatus));

function sortValue(o: Light, sort: OrderSort): number | null {
  if (sort === 'orderedAt' || sort === 'paidAt') return o[sort]?.getTime() ?? null;
  if (sort === 'amountCents') return o.amountCents;
  return statusRank(o.status);
}

/** Empty values last in both directions; ties by order number ascending, so pages never overlap. */
function compare(a: Light, b: Light, sort: OrderSort, dir: 'asc' | 'desc'): number {
  const sign = dir === 'asc' ? 1 : -1;
  if (sort === 'orderNo') return sign * compareOrderNos(a.orderNo, b.orderNo);
  const x = sortValue(a, sort);
  const y = sortValue(b, sort);
  if (x == null || y == null) return (x == null ? 1 : 0) - (y == null ? 1 : 0) || compareOrderNos(a.orderNo, b.orderNo);
  return sign * (x - y) || compareOrderNos(a.orderNo, b.orderNo);
}

const statusOf = (o: Light): StatusFilter => (o.status && (ORDER_STATUSES as readonly string[]).includes(o.status) ? (o.status as OrderStatus) : 'none');

/**
 * One page of the case's orders. The flag filters run in the database; the
 * filters the app computes (audit findings, evidence coverage) pass the
 * matching order numbers. Sorting happens here on a light projection because
 * no SQL ORDER BY sorts order numbers by value, and one path for every sort ×
 * filter × status keeps them all consistent (measured: ~240 ms a page for
 * 50,000 orders on the shared 2-core box; a typical shop has hundreds).
 * `statusCounts` count the orders of the chosen filter by status.
 */
export async function listOrders(caseId: string, query: OrderQuery, onlyOrderNos?: ReadonlySet<string>) {
  const flagWhere = query.filter === 'flagged' ? { flagged: true } : query.filter === 'unflagged' ? { flagged: false } : {};
  const [flagged, all, light] = await Promise.all([
    db.order.count({ where: { caseId, flagged: true } }),
    db.order.count({ where: { caseId } }),
    db.order.findMany({ where: { caseId, ...flagWhere }, select: { id: true, orderNo: true, orderedAt: true, paidAt: true, amountCents: true, status: true } }),
  ]);
  const inFilter = onlyOrderNos ? light.filter((o) => onlyOrderNos.has(o.orderNo)) : light;
  const statusCounts = Object.fromEntries(STATUS_FILTERS.map((s) => [s, 0])) as Record<StatusFilter, number>;
  for (const o of inFilter) statusCounts[statusOf(o)]++;
  statusCounts.any = inFilter.length;

  const matching = query.status === 'any' ? inFilter : inFilter.filter((o) => statusOf(o) === query.status);
  matching.sort((a, b) => compare(a, b, query.sort, query.dir));
  const skip = (query.page - 1) * ORDER_PAGE_SIZE;
  const ids = matching.slice(skip, skip + ORDER_PAGE_SIZE).map((o) => o.id);
  const full = new Map((await db.order.findMany({ where: { id: { in: ids } } })).map((o) => [o.id, o]));
  const rows = ids.map((id) => full.get(id)).filter((o) => o !== undefined);
  const total = matching.length;
  return { rows, total, counts: { all, flagged, unflagged: all - flagged }, statusCounts, pages: Math.max(1, Math.ceil(total / ORDER_PAGE_SIZE)) };
}

/**
 * One page of the orders step with its filter applied, including the filters the app computes
 * (findings, evidence coverage): hundreds of milliseconds at 50,000 orders, so a task thread runs it.
 */
export async function orderListing({ caseId, query }: { caseId: string; query: OrderQuery }) {
  const only =
    query.filter === 'withFindings' ? await orderNosWithFindings(caseId) : query.filter === 'withoutEvidence' ? await orderNosWithoutEvidence(caseId) : undefined;
  return listOrders(caseId, query, only);
}
