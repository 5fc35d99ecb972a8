import { compareText, defaultContext, makeFinding, round2 } from '../finding';
import { groupBy, normaliseText } from '../order-index';
import type { OrderRecord } from '@/lib/orders/types';
import type { Finding, Rule } from '../types';
import { hasPrice } from './status-policy';

/** The constant that makes MAD comparable to a standard deviation for normal data (0.6745 = Φ⁻¹(0.75)). */
const MAD_SCALE = 0.6745;
/**
 * The smallest scale, as a share of the median price. When more than half the buyers paid exactly
 * the list price MAD is 0, and so are Rousseeuw and Croux's Sn and Qn (every robust scale built on
 * order statistics "implodes" once half the values tie: Rousseeuw & Croux 1993, JASA 88:1273). The
 * usual fallback, the mean absolute deviation (Iglewicz & Hoaglin 1993, and IBM SPSS's modified
 * z), has a breakdown point of 0: one 100× order inflates it until a 0.01 order and a 10× order no
 * longer stand out. A fixed-price item's own spread is "none", so the floor only keeps z finite;
 * the relative threshold (minRelativeDeviation, 50 %) decides. 5 % keeps the floor below that
 * threshold's reach (a deviation of 0.5 × median gives z = 6.7 > 3.5) so the floor never hides
 * what the relative rule reports, while a 20 % coupon stays at z = 2.7.
 */
const MIN_SCALE_OF_MEDIAN = 0.05;
export type PricedRow = { orderNo: string; title: string; rawTitle: string; unit: number; partiallyRefunded: boolean; statusKnown: boolean };

export function median(sorted: readonly number[]): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const mid = n >> 1;
  const hi = sorted[mid] as number;
  return n % 2 === 1 ? hi : ((sorted[mid - 1] as number) + hi) / 2;
}

/**
 * Modified z-scores of `values` around their median, on a scale of MAD floored at 5 % of the median
 * (see MIN_SCALE_OF_MEDIAN); undefined when every value is the same (nothing stands out). Median and
 * MAD both have a 50 % breakdown point: any number of outliers on either side, as long as they are
 * fewer than half the orders, leaves the baseline where the ordinary buyers are.
 */
export function modifiedZ(values: readonly number[]): { median: number; mad: number; scale: number; z: number[] } | undefined {
  const sorted = [...values].sort((a, b) => a - b);
  const med = median(sorted);
  if (sorted[0] === sorted[sorted.length - 1]) return undefined;
  const mad = median(values.map((v) => Math.abs(v - med)).sort((a, b) => a - b));
  const scale = Math.max(mad, MIN_SCALE_OF_MEDIAN * Math.abs(med));
  if (!(scale > 0)) return undefined;
  return { median: med, mad, scale, z: values.map((v) => (MAD_SCALE * (v - med)) / scale) };
}

/**
 * The priced orders of each item, as the outlier rule compares them (and the price charts draw
 * them): paid prices only, per unit, grouped by normalised title, one row per order number.
 */
export function pricedGroups(orders: readonly OrderRecord[]): Map<string, PricedRow[]> {
  const rows: PricedRow[] = [];
  // A shop has few items and many orders: normalise each title once.
  const titles = new Map<string, string>();
  for (const o of orders) {
    // Unpaid, closed and refunded orders' amounts are no price (status-policy.ts).
    if (!hasPrice(o)) continue;
    if (!o.itemTitle || o.amountCents === undefined || !Number.isFinite(o.amountCents)) continue;
    let title = titles.get(o.itemTitle);
    if (title === undefined) titles.set(o.itemTitle, (title = normaliseText(o.itemTitle)));
    if (!title) continue;
    const qty = o.quantity !== undefined && Number.isInteger(o.quantity) && o.quantity >= 1 ? o.quantity : 1;
    rows.push({ orderNo: o.orderNo, title, rawTitle: o.itemTitle, unit: o.amountCents / qty, partiallyRefunded: o.status === 'partiallyRefunded', statusKnown: o.status !== undefined });
  }
  const groups = groupBy(rows, (r) => r.title);
  for (const [title, all] of groups) {
    // Sorted so that a duplicated (order, item) row is dropped the same way whatever the input order.
    all.sort((a, b) => compareText(a.orderNo, b.orderNo) || a.unit - b.unit);
    groups.set(title, all.filter((r, i) => r.orderNo !== all[i - 1]?.orderNo));
  }
  return groups;
}

/**
 * Orders whose unit price is far from what other buyers paid for the same item. Unit price, not
 * the order total, so buying two is not an outlier; grouped by item title as written in the export.
 */
export const amountOutlier: Rule = (orders, ctx = defaultContext()) => {
  const th = ctx.thresholds.amountOutlier;
  const findings: Finding[] = [];
  for (const [title, group] of pricedGroups(orders)) {
    if (group.length < th.minGroupSize) continue;
    const stats = modifiedZ(group.map((r) => r.unit));
    // Free gifts and zero-price samples have no price to deviate from.
    if (!stats || stats.median <= 0) continue;
    // Only then may the message say "paid orders": without a status column unpaid ones may be in it.
    const statusKnown = group.every((r) => r.statusKnown);
    group.forEach((row, i) => {
      const z = stats.z[i] as number;
      const relative = Math.abs(row.unit - stats.median) / stats.median;
      if (Math.abs(z) <= th.maxAbsZ || relative < th.minRelativeDeviation) return;
      findings.push(
        makeFinding('amountOutlier', `${row.orderNo}\u0000${title}`, relative >= th.mediumAtRelativeDeviation ? 'medium' : 'low', [row.orderNo], {
          itemTitle: row.rawTitle,
          value: round2(row.unit),
          median: round2(stats.median),
          mad: round2(stats.mad),
          madZero: stats.mad === 0,
          scale: round2(stats.scale),
          z: round2(z),
          relativeDeviation: round2(relative),
          groupSize: group.length,
          partiallyRefunded: row.partiallyRefunded,
          statusKnown,
          direction: row.unit < stats.median ? 'below' : 'above',
        }),
      );
    });
  }
  return findings;
};
