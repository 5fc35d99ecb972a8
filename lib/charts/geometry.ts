import type { PriceChart } from './prices';
import { linearScale } from './ticks';
import type { TimelineChart } from './timeline';
import { yuanTick } from './words';

/**
 * Where each mark goes, computed once for both renderers: the SVG uses these coordinates as they
 * are (y grows downwards), the PDF flips them. Sizes are in the renderer's own unit (SVG user
 * units, PDF points).
 */
export type Frame = { width: number; height: number; font: number };
export type Plot = { x0: number; x1: number; y0: number; y1: number };
export type Bar = { x: number; w: number; top: number; strongTop: number; mark?: 'explained' | 'unexplained' | 'outlier' };
/** `labelAt`: where the label's centre goes, kept inside the frame (the first and last ticks sit on its edges). */
export type AxisTick = { at: number; label: string; labelAt: number };
export type Marker = { x: number; y: number; kind: 'explained' | 'unexplained' | 'outlier'; label?: string };
export type Shade = { x: number; w: number; top: number; label: string; labelY: number };

export type ChartGeometry = { plot: Plot; bars: Bar[]; xTicks: AxisTick[]; yTicks: AxisTick[]; markers: Marker[]; shades: Shade[]; rule?: { x: number } };

/** Rough text width, enough to keep labels apart: CJK characters are square, Latin about half. */
export const textWidth = (text: string, size: number) => [...text].reduce((w, ch) => w + (ch.charCodeAt(0) < 0x2e80 ? 0.56 : 1), 0) * size;

function plotOf({ width, height, font }: Frame, topRows: number): Plot {
  return { x0: font * 3.4, x1: width - font * 0.8, y0: font * (1.2 + 1.3 * topRows), y1: height - font * 1.9 };
}

function barSpan(x: number, next: number): { x: number; w: number } {
  const full = next - x;
  // Thin bars touch (a gap would eat them); wider ones get a hairline between them.
  const gap = full > 3 ? Math.min(1.5, full * 0.15) : 0;
  return { x: x + gap / 2, w: Math.max(0.6, full - gap) };
}

const countTicks = (ticks: readonly number[], y: (v: number) => number): AxisTick[] => ticks.map((v) => ({ at: y(v), label: String(v), labelAt: y(v) }));

/** X labels centred under their tick, pulled inside the frame, and thinned where they would touch. */
function xLabels(ticks: ReadonlyArray<{ at: number; label: string }>, { width, font }: Frame): AxisTick[] {
  const out: AxisTick[] = [];
  let end = -Infinity;
  for (const t of ticks) {
    const half = textWidth(t.label, font * 0.9) / 2;
    const labelAt = Math.min(Math.max(t.at, half + 1), width - half - 1);
    if (labelAt - half < end + font * 0.6) continue;
    out.push({ ...t, labelAt });
    end = labelAt + half;
  }
  return out;
}

/** Orders over time: stacked bars, promotions as shaded spans labelled above the plot, bursts as markers. */
export function timelineGeometry(chart: TimelineChart, frame: Frame): ChartGeometry {
  // Promotion labels on one row, or two when neighbours would overlap.
  const provisional = plotOf(frame, 1);
  const px = linearScale([chart.start, chart.end], [provisional.x0, provisional.x1]);
  const rowEnds = [-Infinity, -Infinity];
  const rows = chart.promotions.map((p) => {
    const x = px(p.start);
    const row = x >= (rowEnds[0] as number) ? 0 : 1;
    rowEnds[row] = Math.max(rowEnds[row] as number, x + textWidth(p.name, frame.font * 0.9) + frame.font);
    return row;
  });
  const plot = plotOf(frame, rows.includes(1) ? 2 : 1);
  const x = linearScale([chart.start, chart.end], [plot.x0, plot.x1]);
  const y = linearScale([0, chart.yTicks.at(-1) ?? 1], [plot.y1, plot.y0]);
  const bars: Bar[] = [];
  const markers: Marker[] = [];
  for (const bin of chart.bins) {
    if (bin.total === 0) continue;
    bars.push({ ...barSpan(x(bin.start), x(bin.start + chart.binMs)), top: y(bin.total), strongTop: y(bin.flagged), mark: bin.burst });
    if (bin.burst) markers.push({ x: x(bin.start + chart.binMs / 2), y: y(bin.total), kind: bin.burst });
  }
  // Shades reach up into their label's row: a promotion's tallest bar would otherwise cover it.
  const shades = chart.promotions.map((p, i) => {
    const left = x(p.start);
    // Row 0 sits just above the plot, row 1 above it.
    const labelY = plot.y0 - frame.font * (0.45 + 1.3 * (rows[i] ?? 0));
    return { x: left, w: Math.max(1, x(p.end) - left), top: labelY - frame.font * 0.95, label: p.name, labelY };
  });
  return { plot, bars, markers, shades, xTicks: xLabels(chart.xTicks.map((t) => ({ at: x(t.at), label: t.label })), frame), yTicks: countTicks(chart.yTicks, y) };
}

/** One item's prices: bars with the outlier part stacked, a marker and count over each outlier bar, the median as a rule. */
export function priceGeometry(chart: PriceChart, frame: Frame): ChartGeometry {
  const plot = plotOf(frame, 1);
  const from = chart.bins[0]?.from ?? 0;
  const to = chart.bins.at(-1)?.to ?? 1;
  const x = linearScale([from, to], [plot.x0, plot.x1]);
  const y = linearScale([0, chart.yTicks.at(-1) ?? 1], [plot.y1, plot.y0]);
  const bars: Bar[] = [];
  const markers: Marker[] = [];
  for (const bin of chart.bins) {
    if (bin.total === 0) continue;
    bars.push({ ...barSpan(x(bin.from), x(bin.to)), top: y(bin.total), strongTop: y(bin.outliers), mark: bin.outliers > 0 ? 'outlier' : undefined });
    // One outlier among thousands is a sliver: the marker and its count make it visible.
    if (bin.outliers > 0) markers.push({ x: x((bin.from + bin.to) / 2), y: y(bin.total), kind: 'outlier', label: String(bin.outliers) });
  }
  return {
    plot,
    bars,
    markers,
    shades: [],
    xTicks: xLabels(chart.xTicks.map((v) => ({ at: x(v), label: yuanTick(v) })), frame),
    yTicks: countTicks(chart.yTicks, y),
    rule: { x: x(chart.median) },
  };
}
