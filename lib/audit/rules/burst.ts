import { defaultContext, makeFinding, round2 } from '../finding';
import { DAY_MS, HOUR_MS, paidTimed, type TimedOrder } from '../order-index';
import { wasRefunded } from './status-policy';
import type { AuditContext, Finding, Promotion, Rule } from '../types';

export const CHINA_OFFSET_MINUTES = 480;

type Buckets = Map<number, TimedOrder[]>;

/** Orders per local day or hour, keyed by bucket number since the epoch. */
function bucket(timed: readonly TimedOrder[], sizeMs: number, offsetMs: number): Buckets {
  const buckets: Buckets = new Map();
  for (const item of timed) {
    const key = Math.floor((item.t + offsetMs) / sizeMs);
    const list = buckets.get(key);
    if (list) list.push(item);
    else buckets.set(key, [item]);
  }
  return buckets;
}

/**
 * Median orders per day over the data's whole span, quiet days counting as 0: a shop that sells on
 * three days a week has a typical day of 0, and its busy days are measured against that. Days are
 * never materialised (one bogus 1970 date would make 20,000 of them): the zeros are counted.
 */
export function dailyBaseline(days: Buckets): { baseline: number; spanDays: number } {
  if (days.size === 0) return { baseline: 0, spanDays: 0 };
  let first = Infinity;
  let last = -Infinity;
  for (const key of days.keys()) {
    first = Math.min(first, key);
    last = Math.max(last, key);
  }
  const spanDays = last - first + 1;
  const zeros = spanDays - days.size;
  const active = [...days.values()].map((list) => list.length).sort((a, b) => a - b);
  const at = (k: number) => (k < zeros ? 0 : (active[k - zeros] as number));
  const mid = spanDays >> 1;
  const baseline = spanDays % 2 === 1 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
  return { baseline, spanDays };
}

/** Overlap, not containment: a sale starting at 20:00 still explains that day's surge. */
function promotionOverlaps(promotions: readonly Promotion[] | undefined, start: number, end: number): boolean {
  return (promotions ?? []).some((p) => p.start.getTime() < end && p.end.getTime() > start);
}

function burstRule(unit: 'day' | 'hour'): Rule {
  return (orders, ctx: AuditContext = defaultContext()) => {
    const th = ctx.thresholds.burst;
    const offsetMs = (ctx.utcOffsetMinutes ?? CHINA_OFFSET_MINUTES) * 60_000;
    // Paid orders only, refunded ones included (status-policy.ts): a rush of unpaid orders during a
    // flash sale that closed unpaid is not volume a risk model counts, and the baseline is measured
    // the same way so the two stay comparable.
    const timed = paidTimed(orders, ctx);
    const days = bucket(timed, DAY_MS, offsetMs);
    const { baseline: dayBaseline, spanDays } = dailyBaseline(days);
    if (spanDays < th.minSpanDays) return [];
    const sizeMs = unit === 'day' ? DAY_MS : HOUR_MS;
    // The hourly baseline spreads the median day over 24 h; hourMultiple allows for evening peaks.
    const baseline = unit === 'day' ? dayBaseline : dayBaseline / 24;
    const multiple = unit === 'day' ? th.dayMultiple : th.hourMultiple;
    const minOrders = unit === 'day' ? th.dayMinOrders : th.hourMinOrders;
    const buckets = unit === 'day' ? days : bucket(timed, sizeMs, offsetMs);
    const findings: Finding[] = [];
    for (const [key, list] of buckets) {
      const count = list.length;
      if (count <= multiple * baseline || count < minOrders) continue;
      const start = key * sizeMs - offsetMs;
      const explained = promotionOverlaps(ctx.promotions, start, start + sizeMs);
      const local = new Date(key * sizeMs).toISOString();
      const params: Finding['params'] = {
        count,
        baseline: round2(baseline),
        multiple,
        minOrders,
        date: local.slice(0, 10),
      };
      params.refundedCount = list.filter(({ order }) => wasRefunded(order)).length;
      // Only then may the message say "paid orders": without a status column unpaid ones may be in it.
      params.statusKnown = list.every(({ order }) => order.status !== undefined);
      if (unit === 'hour') params.hour = Number(local.slice(11, 13));
      if (baseline > 0) params.ratio = round2(count / baseline);
      const rule = unit === 'day' ? 'burstDay' : 'burstHour';
      // Explained bursts stay in the report (the appeal still has to show the promotion), one level lower.
      const finding = makeFinding(rule, local.slice(0, 13), explained ? 'low' : 'medium', list.map(({ order }) => order.orderNo), params);
      findings.push({ ...finding, explainedByPromotion: explained });
    }
    return findings;
  };
}

/** Days far above the shop's median day. */
export const burstDay = burstRule('day');
/** Hours far above the shop's average hour. */
export const burstHour = burstRule('hour');
