import { defaultContext } from '@/lib/audit/finding';
import { normaliseText, paidTimed } from '@/lib/audit/order-index';
import { median, pricedGroups } from '@/lib/audit/rules/amount-outlier';
import { CHINA_OFFSET_MINUTES } from '@/lib/audit/rules/burst';
import { AUDIT_THRESHOLDS } from '@/lib/audit/thresholds';
import type { Finding } from '@/lib/audit/types';
import type { OrderRecord } from '@/lib/orders/types';
import { buildPriceChart, pickPriceItems, type PriceChart } from './prices';
import { buildTimeline, DAY_MS, HOUR_MS, type BurstMark, type TimelineChart, type Window } from './timeline';

export type CaseCharts = { timeline?: TimelineChart; prices: PriceChart[] };

export type CaseChartsInput = {
  orders: readonly OrderRecord[];
  flagged: ReadonlySet<string>;
  /** Windows as the audit compares them (lib/audit/compute.ts: the last day counts in full). */
  promotions: readonly Window[];
  /** The audit's findings: bursts and outliers are read from them, never detected again here. */
  findings: ReadonlyArray<Pick<Finding, 'rule' | 'orderNos' | 'params' | 'explainedByPromotion'>>;
  utcOffsetMinutes?: number;
};

/** A burst finding's bucket back in UTC: its params hold the local date (and hour) the rule bucketed by. */
export function burstMark(f: CaseChartsInput['findings'][number], offsetMinutes: number): BurstMark | undefined {
  if (f.rule !== 'burstDay' && f.rule !== 'burstHour') return undefined;
  const { date, hour = 0, count } = f.params;
  const local = Date.parse(`${String(date)}T${String(hour).padStart(2, '0')}:00:00Z`);
  if (Number.isNaN(local)) return undefined;
  const start = local - offsetMinutes * 60_000;
  const unit = f.rule === 'burstDay' ? 'day' : 'hour';
  return { unit, start, end: start + (unit === 'day' ? DAY_MS : HOUR_MS), count: Number(count), explained: f.explainedByPromotion === true };
}

/**
 * The data behind the audit's two pictures, from the orders the rules read and the findings they
 * made: orders over time (the same paid orders the burst rules count, in the same local buckets),
 * and per item the unit prices the outlier rule compares, its outliers marked.
 */
export function buildCaseCharts({ orders, flagged, promotions, findings, utcOffsetMinutes = CHINA_OFFSET_MINUTES }: CaseChartsInput): CaseCharts {
  const bursts = findings.flatMap((f) => burstMark(f, utcOffsetMinutes) ?? []);
  const timeline = buildTimeline({
    orders: paidTimed(orders, defaultContext()).map(({ order, t }) => ({ t, flagged: flagged.has(order.orderNo) })),
    promotions,
    bursts,
    utcOffsetMinutes,
  });
  const outliers = new Map<string, Set<string>>();
  for (const f of findings) {
    if (f.rule !== 'amountOutlier' || typeof f.params.itemTitle !== 'string') continue;
    const title = normaliseText(f.params.itemTitle);
    const set = outliers.get(title) ?? new Set<string>();
    f.orderNos.forEach((no) => set.add(no));
    outliers.set(title, set);
  }
  const items = [...pricedGroups(orders)].map(([title, rows]) => ({
    item: rows[0]?.rawTitle ?? title,
    units: rows.map((r) => ({ orderNo: r.orderNo, unit: r.unit })),
    median: median(rows.map((r) => r.unit).sort((a, b) => a - b)),
    outlierOrderNos: outliers.get(title) ?? new Set<string>(),
  }));
  const prices = pickPriceItems(items, undefined, AUDIT_THRESHOLDS.amountOutlier.minGroupSize).map(buildPriceChart);
  return { timeline, prices };
}
