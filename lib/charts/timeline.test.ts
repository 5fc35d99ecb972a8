import { describe, expect, it } from 'vitest';
import { buildTimeline, chooseBin, DAY_MS, HOUR_MS } from './timeline';

const T0 = Date.parse('2026-11-01T00:00:00+08:00');
const order = (hours: number, flagged = false) => ({ t: T0 + hours * HOUR_MS, flagged });
const base = { promotions: [], bursts: [], utcOffsetMinutes: 480 };

describe('chooseBin', () => {
  it('uses hours up to 10 days, then days, then weeks', () => {
    expect(chooseBin(3 * DAY_MS).unit).toBe('hour');
    expect(chooseBin(10 * DAY_MS).unit).toBe('hour');
    expect(chooseBin(11 * DAY_MS)).toEqual({ unit: 'day', binMs: DAY_MS });
    expect(chooseBin(300 * DAY_MS)).toEqual({ unit: 'week', binMs: 7 * DAY_MS });
    // A bogus 1970 date among 2026 orders: several weeks a bar, never 20,000 bars.
    const long = chooseBin(56 * 365 * DAY_MS);
    expect(long.unit).toBe('week');
    expect((56 * 365 * DAY_MS) / long.binMs).toBeLessThanOrEqual(240);
  });
});

describe('buildTimeline', () => {
  it('counts orders and their flagged part per local hour', () => {
    const chart = buildTimeline({ ...base, orders: [order(0.2), order(0.9, true), order(2.5, true), order(2.6)] });
    expect(chart?.unit).toBe('hour');
    expect(chart?.start).toBe(T0);
    expect(chart?.bins.map((b) => [b.total, b.flagged])).toEqual([[2, 1], [0, 0], [2, 1]]);
    expect(chart?.totals).toEqual({ orders: 4, flagged: 2 });
    // Room above the tallest bar for its marker.
    expect(chart?.yTicks).toEqual([0, 1, 2, 3]);
  });

  it('starts day bins at local midnight, not UTC midnight', () => {
    // 01:00 China time is 17:00 UTC the day before: it belongs to the local day.
    const chart = buildTimeline({ ...base, orders: [order(1), order(20 * 24 + 23)] });
    expect(chart?.unit).toBe('day');
    expect(chart?.start).toBe(T0);
    expect(chart?.bins).toHaveLength(21);
    expect(chart?.bins[20]?.total).toBe(1);
    expect(chart?.xTicks[0]).toEqual({ at: T0, label: '11-01' });
  });

  it('marks the bars a burst covers, unexplained over explained, and clips promotions to the period', () => {
    const orders = Array.from({ length: 30 }, (_, d) => order(d * 24 + 12));
    const day = (d: number, explained: boolean) => ({ unit: 'day' as const, start: T0 + d * DAY_MS, end: T0 + (d + 1) * DAY_MS, count: 40, explained });
    const hour = { unit: 'hour' as const, start: T0 + 5 * DAY_MS + 20 * HOUR_MS, end: T0 + 5 * DAY_MS + 21 * HOUR_MS, count: 12, explained: false };
    const chart = buildTimeline({
      ...base,
      orders,
      bursts: [day(3, true), day(5, true), hour, day(90, false)],
      promotions: [{ name: '双11', start: T0 - 2 * DAY_MS, end: T0 + 4 * DAY_MS }],
    });
    expect(chart?.bins[3]?.burst).toBe('explained');
    expect(chart?.bins[5]?.burst).toBe('unexplained');
    expect(chart?.bins[4]?.burst).toBeUndefined();
    expect(chart?.bursts).toHaveLength(3);
    expect(chart?.promotions).toEqual([{ name: '双11', start: T0, end: T0 + 4 * DAY_MS }]);
  });

  it('labels hours with the time when the period is short', () => {
    const chart = buildTimeline({ ...base, orders: [order(0), order(5)] });
    expect(chart?.xTicks.map((t) => t.label)).toContain('11-01 02:00');
    expect(buildTimeline({ ...base, orders: [] })).toBeUndefined();
  });

  it('bins 50,000 orders', () => {
    const orders = Array.from({ length: 50_000 }, (_, i) => order((i * 7919) % (30 * 24), i % 10 === 0));
    const chart = buildTimeline({ ...base, orders });
    expect(chart?.bins.reduce((n, b) => n + b.total, 0)).toBe(50_000);
    expect(chart?.totals.flagged).toBe(5_000);
  });
});
