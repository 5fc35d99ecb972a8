import { countTicks } from './ticks';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
/** Bars a chart holds before they get thinner than a line at 360 px (and in a PDF column). */
const MAX_BINS = 240;
/** Hourly bars up to 10 days: longer periods are read by day (hourly bursts still mark their day). */
const MAX_HOURLY_SPAN = 10 * DAY_MS;

export type TimelineUnit = 'hour' | 'day' | 'week';
export type Window = { name: string; start: number; end: number };
/** A burst the audit reported: its bucket, and whether a declared promotion explains it (from the finding). */
export type BurstMark = { unit: 'hour' | 'day'; start: number; end: number; count: number; explained: boolean };
export type TimelineBin = { start: number; total: number; flagged: number; burst?: 'explained' | 'unexplained' };
export type Tick = { at: number; label: string };

export type TimelineChart = {
  unit: TimelineUnit;
  /** Bin width in ms: a week bin may cover several weeks on a very long period. */
  binMs: number;
  start: number;
  end: number;
  bins: TimelineBin[];
  yTicks: number[];
  xTicks: Tick[];
  /** Promotions overlapping the period, clipped to it. */
  promotions: Window[];
  bursts: BurstMark[];
  totals: { orders: number; flagged: number };
  utcOffsetMinutes: number;
};

export type TimelineInput = {
  /** The orders the burst rules count (paid, timed), with whether the platform flagged each. */
  orders: ReadonlyArray<{ t: number; flagged: boolean }>;
  promotions: readonly Window[];
  bursts: readonly BurstMark[];
  /** Minutes east of UTC: bins start at local midnight and on the hour, as the audit's buckets do. */
  utcOffsetMinutes: number;
};

/** Hours for up to 10 days, then days; weeks (or several) when days would be too many bars. */
export function chooseBin(spanMs: number): { unit: TimelineUnit; binMs: number } {
  if (spanMs <= MAX_HOURLY_SPAN) return { unit: 'hour', binMs: HOUR_MS };
  if (spanMs / DAY_MS <= MAX_BINS) return { unit: 'day', binMs: DAY_MS };
  const weeks = Math.max(1, Math.ceil(spanMs / (7 * DAY_MS) / MAX_BINS));
  return { unit: 'week', binMs: weeks * 7 * DAY_MS };
}

const HOUR_STRIDES = [1, 2, 3, 6, 12, 24, 48, 72, 168];
const DAY_STRIDES = [1, 2, 7, 14, 28, 56, 91, 182, 364];

function xTicks(first: number, count: number, binMs: number, offsetMs: number, unit: TimelineUnit): Tick[] {
  const unitMs = unit === 'hour' ? HOUR_MS : DAY_MS;
  const perBin = binMs / unitMs;
  const strides = unit === 'hour' ? HOUR_STRIDES : DAY_STRIDES;
  const want = Math.max(1, (count * perBin) / 6);
  const stride = strides.find((s) => s >= want) ?? Math.ceil(want);
  const startKey = Math.round((first + offsetMs) / unitMs);
  const iso = (t: number) => new Date(t + offsetMs).toISOString();
  const years = new Set([iso(first).slice(0, 4), iso(first + count * binMs).slice(0, 4)]).size;
  const ticks: Tick[] = [];
  // Bar starts only: the end boundary would name a day the chart does not show.
  for (let i = 0; i < count; i++) {
    // Hours fall on the clock (00:00, 06:00 …); days and weeks count from the first bar.
    const key = unit === 'hour' ? startKey + i * perBin : i * perBin;
    if (key % stride !== 0 && !(perBin > stride)) continue;
    const at = first + i * binMs;
    const local = iso(at);
    const day = years > 1 ? local.slice(0, 10) : local.slice(5, 10);
    ticks.push({ at, label: unit === 'hour' && stride < 24 ? `${day} ${local.slice(11, 16)}` : day });
  }
  return ticks;
}

/**
 * Orders per bin over the period, the flagged part counted apart (drawn stacked, in a strong colour),
 * with the promotions and the audit's bursts to draw over them. One pass over the orders: 50,000
 * orders bin in a few milliseconds.
 */
export function buildTimeline({ orders, promotions, bursts, utcOffsetMinutes }: TimelineInput): TimelineChart | undefined {
  if (orders.length === 0) return undefined;
  let min = Infinity;
  let max = -Infinity;
  for (const { t } of orders) {
    if (t < min) min = t;
    if (t > max) max = t;
  }
  const offsetMs = utcOffsetMinutes * 60_000;
  const { unit, binMs } = chooseBin(max - min);
  // Bins start on the local hour or at local midnight, like the audit's buckets, so a burst's bucket is one bar.
  const alignMs = unit === 'hour' ? HOUR_MS : DAY_MS;
  const start = Math.floor((min + offsetMs) / alignMs) * alignMs - offsetMs;
  const count = Math.floor((max - start) / binMs) + 1;
  const end = start + count * binMs;
  const bins: TimelineBin[] = Array.from({ length: count }, (_, i) => ({ start: start + i * binMs, total: 0, flagged: 0 }));
  let flaggedTotal = 0;
  for (const { t, flagged } of orders) {
    const bin = bins[Math.floor((t - start) / binMs)] as TimelineBin;
    bin.total++;
    if (flagged) {
      bin.flagged++;
      flaggedTotal++;
    }
  }
  // In time order (findings come by severity), days before their hours: the summary reads as a diary.
  const shown = bursts.filter((b) => b.end > start && b.start < end).sort((a, b) => a.start - b.start || b.end - a.end);
  for (const b of shown) {
    const from = Math.max(0, Math.floor((b.start - start) / binMs));
    const to = Math.min(count - 1, Math.floor((b.end - 1 - start) / binMs));
    for (let i = from; i <= to; i++) {
      const bin = bins[i] as TimelineBin;
      // One unexplained burst in a bar outweighs an explained one: it is what needs answering.
      bin.burst = !b.explained || bin.burst === 'unexplained' ? 'unexplained' : 'explained';
    }
  }
  return {
    unit,
    binMs,
    start,
    end,
    bins,
    yTicks: countTicks(Math.max(...bins.map((b) => b.total))),
    xTicks: xTicks(start, count, binMs, offsetMs, unit),
    promotions: promotions.filter((p) => p.end > start && p.start < end).map((p) => ({ name: p.name, start: Math.max(p.start, start), end: Math.min(p.end, end) })),
    bursts: shown,
    totals: { orders: orders.length, flagged: flaggedTotal },
    utcOffsetMinutes,
  };
}
