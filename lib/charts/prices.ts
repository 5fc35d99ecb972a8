import { countTicks, niceTicks, tickStep } from './ticks';

/** Items drawn at most (those with outliers, most first). */
export const MAX_PRICE_CHARTS = 6;
/** Bars per histogram, about: enough to show a shape, few enough to stay readable at 360 px. */
const TARGET_BINS = 24;

export type PriceBin = { from: number; to: number; total: number; outliers: number };
export type PriceOutlier = { orderNo: string; unit: number; direction: 'below' | 'above' };
export type PriceChart = {
  /** The item's title as the export wrote it. */
  item: string;
  orders: number;
  /** In cents, like every price here. */
  median: number;
  bins: PriceBin[];
  xTicks: number[];
  yTicks: number[];
  outliers: PriceOutlier[];
};

export type PriceItem = { item: string; units: ReadonlyArray<{ orderNo: string; unit: number }>; median: number; outlierOrderNos: ReadonlySet<string> };

/** One item's unit prices as a histogram on nice boundaries, the audit's outliers counted per bar. */
export function buildPriceChart({ item, units, median, outlierOrderNos }: PriceItem): PriceChart {
  let min = Infinity;
  let max = -Infinity;
  for (const { unit } of units) {
    if (unit < min) min = unit;
    if (unit > max) max = unit;
  }
  // A fixed-price item still gets a bar of its own width around its one price.
  const step = min === max ? tickStep(0, Math.max(1, max), TARGET_BINS / 2) : tickStep(min, max, TARGET_BINS);
  const first = Math.floor(min / step) * step;
  const count = Math.max(1, Math.floor((max - first) / step) + 1);
  const bins: PriceBin[] = Array.from({ length: count }, (_, i) => ({ from: first + i * step, to: first + (i + 1) * step, total: 0, outliers: 0 }));
  const outliers: PriceOutlier[] = [];
  for (const { orderNo, unit } of units) {
    const bin = bins[Math.min(count - 1, Math.floor((unit - first) / step))] as PriceBin;
    bin.total++;
    if (outlierOrderNos.has(orderNo)) {
      bin.outliers++;
      outliers.push({ orderNo, unit, direction: unit < median ? 'below' : 'above' });
    }
  }
  const xTicks = niceTicks(first, first + count * step, 5).filter((v) => v >= first - 1e-9 && v <= first + count * step + 1e-9);
  return { item, orders: units.length, median, bins, xTicks, yTicks: countTicks(Math.max(...bins.map((b) => b.total))), outliers };
}

/** The items worth a picture: those with outliers (most first), then the largest, up to `limit`. */
export function pickPriceItems<T extends { units: readonly unknown[]; outlierOrderNos: ReadonlySet<string> }>(items: readonly T[], limit = MAX_PRICE_CHARTS, minOrders = 1): T[] {
  const withOutliers = items.filter((i) => i.outlierOrderNos.size > 0).sort((a, b) => b.outlierOrderNos.size - a.outlierOrderNos.size || b.units.length - a.units.length);
  if (withOutliers.length > 0) return withOutliers.slice(0, limit);
  // Without an outlier, the best-selling item alone shows the shop's prices are even.
  const biggest = [...items].filter((i) => i.units.length >= minOrders).sort((a, b) => b.units.length - a.units.length)[0];
  return biggest ? [biggest] : [];
}
