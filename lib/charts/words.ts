import type { CaseCharts } from './case-charts';
import type { PriceChart } from './prices';
import type { TimelineChart } from './timeline';

export type Translate = (key: string, params?: Record<string, string | number | boolean>) => string;

/** Items named in a summary before "and N more": a summary is read aloud, not scanned. */
const LISTED = 8;

/** A price in yuan for labels and summaries (amounts are stored in fen). */
export const yuan = (cents: number, decimals = 2) => `¥${(cents / 100).toFixed(decimals)}`;
/** An axis tick in yuan, without trailing zeros (¥12.5, ¥200). */
export const yuanTick = (cents: number) => `¥${Number((cents / 100).toFixed(2))}`;

/** Local wall-clock text (2026-11-11 20:00) for a UTC instant. */
export function localTime(t: number, offsetMinutes: number, withHour: boolean): string {
  const iso = new Date(t + offsetMinutes * 60_000).toISOString();
  return withHour ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : iso.slice(0, 10);
}

function listed(items: string[], t: Translate): string {
  const shown = items.slice(0, LISTED).join(t('listSeparator'));
  return items.length > LISTED ? `${shown} ${t('more', { count: items.length - LISTED })}` : shown;
}

export type TimelineWords = ReturnType<typeof timelineWords>;

/** Every word the orders-over-time chart shows, translated once for the SVG and the PDF alike. */
export function timelineWords(chart: TimelineChart, t: Translate) {
  const weeks = Math.round(chart.binMs / (7 * 24 * 3_600_000));
  const off = chart.utcOffsetMinutes;
  const bursts = chart.bursts.map((b) =>
    t('timeline.burstItem', { when: localTime(b.start, off, b.unit === 'hour'), count: b.count, explained: b.explained, unit: b.unit }),
  );
  return {
    title: t('timeline.title'),
    bin: t('timeline.bin', { unit: chart.unit, weeks }),
    legend: {
      promotion: t('legend.promotion'),
      flagged: t('legend.flagged'),
      other: t('legend.other'),
      burst: t('legend.burst'),
      burstExplained: t('legend.burstExplained'),
    },
    summary: t('timeline.summary', {
      from: localTime(chart.start, off, false),
      to: localTime(chart.end - 1, off, false),
      orders: chart.totals.orders,
      flagged: chart.totals.flagged,
    }),
    bursts: bursts.length > 0 ? t('timeline.bursts', { list: listed(bursts, t) }) : t('timeline.noBursts'),
    promotions: chart.promotions.length > 0 ? t('timeline.promotions', { list: listed(chart.promotions.map((p) => p.name), t) }) : '',
  };
}

export type PriceWords = ReturnType<typeof priceWords>;

export function priceWords(chart: PriceChart, t: Translate) {
  const outliers = chart.outliers.map((o) => `${o.orderNo} ${yuan(o.unit)}`);
  return {
    title: t('prices.title', { item: chart.item }),
    axisX: t('prices.axisX'),
    axisY: t('axisOrders'),
    median: t('prices.median', { value: yuan(chart.median) }),
    legend: { outlier: t('legend.outlier'), other: t('legend.other') },
    summary: t('prices.summary', { orders: chart.orders, median: yuan(chart.median), outliers: chart.outliers.length, list: listed(outliers, t) }),
  };
}

/** The words of every chart of a case, in the order they are drawn. */
export function chartWords(charts: CaseCharts, t: Translate) {
  return { timeline: charts.timeline && timelineWords(charts.timeline, t), prices: charts.prices.map((p) => priceWords(p, t)) };
}
