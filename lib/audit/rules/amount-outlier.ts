import { compareText, defaultContext, makeFinding, round2 } from '../finding';
import { groupBy, normaliseText } from '../order-index';
import type { Finding, Rule } from '../types';

/** The constant that makes MAD comparable to a standard deviation for normal data (0.6745 = Φ⁻¹(0.75)). */
const MAD_SCALE = 0.6745;
/** Iglewicz–Hoaglin fallback when MAD is 0: mean absolute deviation × √(π/2) estimates σ instead. */
const MEAN_AD_SCALE = 1.253314;

type PricedRow = { orderNo: string; title: string; rawTitle: string; unit: number };

export function median(sorted: readonly number[]): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const mid = n >> 1;
  const hi = sorted[mid] as number;
  return n % 2 === 1 ? hi : ((sorted[mid - 1] as number) + hi) / 2;
}

/**
 * Modified z-scores of `values` around their median; undefined when every value is the same
 * (nothing stands out). When more than half the orders paid exactly the same price MAD is 0 and
 * the usual formula divides by zero: fall back to the mean absolute deviation, so a lone 1-yuan
 * order among list-price orders still stands out.
 */
export function modifiedZ(values: readonly number[]): { median: number; mad: number; z: number[] } | undefined {
  const sorted = [...values].sort((a, b) => a - b);
  const med = median(sorted);
  const deviations = values.map((v) => Math.abs(v - med));
  const mad = median([...deviations].sort((a, b) => a - b));
  if (mad > 0) return { median: med, mad, z: values.map((v) => (MAD_SCALE * (v - med)) / mad) };
  const meanAd = deviations.reduce((sum, d) => sum + d, 0) / values.length;
  if (meanAd === 0) return undefined;
  return { median: med, mad: 0, z: values.map((v) => (v - med) / (MEAN_AD_SCALE * meanAd)) };
}

/**
 * Orders whose unit price is far from what other buyers paid for the same item. Unit price, not
 * the order total, so buying two is not an outlier; grouped by item title as written in the export.
 */
export const amountOutlier: Rule = (orders, ctx = defaultContext()) => {
  const th = ctx.thresholds.amountOutlier;
  const rows: PricedRow[] = [];
  // A shop has few items and many orders: normalise each title once.
  const titles = new Map<string, string>();
  for (const o of orders) {
    if (!o.itemTitle || o.amountCents === undefined || !Number.isFinite(o.amountCents)) continue;
    let title = titles.get(o.itemTitle);
    if (title === undefined) titles.set(o.itemTitle, (title = normaliseText(o.itemTitle)));
    if (!title) continue;
    const qty = o.quantity !== undefined && Number.isInteger(o.quantity) && o.quantity >= 1 ? o.quantity : 1;
    rows.push({ orderNo: o.orderNo, title, rawTitle: o.itemTitle, unit: o.amountCents / qty });
  }
  const findings: Finding[] = [];
  for (const [title, all] of groupBy(rows, (r) => r.title)) {
    // Sorted so that a duplicated (order, item) row is dropped the same way whatever the input order.
    all.sort((a, b) => compareText(a.orderNo, b.orderNo) || a.unit - b.unit);
    const group = all.filter((r, i) => r.orderNo !== all[i - 1]?.orderNo);
    if (group.length < th.minGroupSize) continue;
    const stats = modifiedZ(group.map((r) => r.unit));
    // Free gifts and zero-price samples have no price to deviate from.
    if (!stats || stats.median <= 0) continue;
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
          z: round2(z),
          relativeDeviation: round2(relative),
          groupSize: group.length,
          direction: row.unit < stats.median ? 'below' : 'above',
        }),
      );
    });
  }
  return findings;
};
