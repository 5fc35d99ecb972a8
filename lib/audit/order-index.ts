import type { OrderRecord } from '@/lib/orders/types';
import { compareText } from './finding';
import { wasPaid } from './rules/status-policy';
import type { AuditContext } from './types';

export const HOUR_MS = 60 * 60 * 1000;
export const DAY_MS = 24 * HOUR_MS;

/** An order with the time the rules place it at, computed once. */
export type TimedOrder = { order: OrderRecord; t: number };

/** Milliseconds, or undefined for a missing or unparseable date (an Invalid Date must not sort as NaN). */
export function ms(date: Date | undefined): number | undefined {
  if (!date) return undefined;
  const t = date.getTime();
  return Number.isNaN(t) ? undefined : t;
}

/** When the buyer ordered: creation time, or payment time where the export has no creation column. */
export function orderTime(order: OrderRecord): number | undefined {
  return ms(order.createdAt) ?? ms(order.paidAt);
}

const NFKC_IDENTITY = /^[\u0000-\u007f\u4e00-\u9fff]*$/;

/**
 * Compare text the way a person reading the export would: exports mix full-width and half-width
 * characters (NFKC folds them), spacing between province, city and street varies, and case does not
 * matter for IPs and waybills.
 */
export function normaliseText(value: string | undefined): string {
  if (!value) return '';
  // NFKC leaves ASCII and CJK unified ideographs unchanged, and it is the costliest call in the
  // audit: skip it for the ordinary case.
  const folded = NFKC_IDENTITY.test(value) ? value : value.normalize('NFKC');
  return folded.replace(/\s+/g, '').toLowerCase();
}

type Index = { distinct: OrderRecord[]; timed: TimedOrder[]; paid: TimedOrder[] };
// Every rule asks for the same sorted view. It is cached per context object, which runAudit creates
// afresh for each run (and rules default to a fresh one): a caller who edits the array between runs
// never gets a stale view, and the WeakMap lets it go with the run.
const cache = new WeakMap<AuditContext, { orders: readonly OrderRecord[]; index: Index }>();

/**
 * One row per order number (detail exports repeat an order once per item, which would otherwise
 * count as several orders), sorted by time then order number so results never depend on input order.
 * `timed` holds those with a usable time; `distinct` all of them, untimed ones last; `paid` the
 * timed ones that ever became a paid transaction (see status-policy.ts).
 */
export function orderIndex(orders: readonly OrderRecord[], ctx: AuditContext): Index {
  const hit = cache.get(ctx);
  if (hit?.orders === orders) return hit.index;
  const rows = orders.map((order) => ({ order, t: orderTime(order) }));
  rows.sort(
    (a, b) =>
      (a.t ?? Infinity) - (b.t ?? Infinity) ||
      // Both untimed: Infinity - Infinity is NaN, which `||` skips, like 0.
      compareText(a.order.orderNo, b.order.orderNo),
  );
  const seen = new Set<string>();
  const distinct: OrderRecord[] = [];
  const timed: TimedOrder[] = [];
  for (const { order, t } of rows) {
    if (seen.has(order.orderNo)) continue;
    seen.add(order.orderNo);
    distinct.push(order);
    if (t !== undefined) timed.push({ order, t });
  }
  const index = { distinct, timed, paid: timed.filter(({ order }) => wasPaid(order)) };
  cache.set(ctx, { orders, index });
  return index;
}

/** Timed orders that were ever paid, in time order: what ring and burst rules count. */
export function paidTimed(orders: readonly OrderRecord[], ctx: AuditContext): TimedOrder[] {
  return orderIndex(orders, ctx).paid;
}

/** Group values by key, keeping insertion order (which callers make deterministic). */
export function groupBy<T>(items: Iterable<T>, key: (item: T) => string | undefined): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (!k) continue;
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
