import 'server-only';
import { rgb, type Color } from 'pdf-lib';
import type { CaseCharts } from '@/lib/charts/case-charts';
import { priceGeometry, timelineGeometry, type ChartGeometry, type Frame } from '@/lib/charts/geometry';
import { CHART_COLORS, type ChartColor } from '@/lib/charts/palette';
import { priceWords, timelineWords, type Translate } from '@/lib/charts/words';
import { MUTED, type Typesetter } from '@/lib/pdf/layout';
import type { RuleId } from '@/lib/audit/types';

const hex = (value: string): Color => rgb(parseInt(value.slice(1, 3), 16) / 255, parseInt(value.slice(3, 5), 16) / 255, parseInt(value.slice(5, 7), 16) / 255);
const COLOR = Object.fromEntries(Object.entries(CHART_COLORS).map(([k, v]) => [k, hex(v)])) as Record<ChartColor, Color>;
const FONT = 7.5;
type LegendItem = { color: ChartColor; label: string; triangle?: boolean };

/**
 * The chart on the PDF page at the cursor, as vector operators (rectangles, lines, paths and text
 * in the embedded fonts), never a picture: it stays sharp when zoomed, and its labels can be
 * searched and copied. Coordinates come from the same geometry as the page's SVG, flipped.
 */
function drawGeometry(ts: Typesetter, g: ChartGeometry, frame: Frame, ruleLabel?: string): void {
  const page = ts.page;
  const left = ts.left;
  const top = ts.y;
  const X = (x: number) => left + x;
  const Y = (y: number) => top - y;
  const { plot } = g;
  const text = (s: string, x: number, y: number, color: Color, align: 'start' | 'middle' | 'end' = 'start', size = FONT * 0.95) => {
    const w = ts.measure.width(s, ts.fonts.regular, size);
    ts.draw(s, { x: X(x) - (align === 'middle' ? w / 2 : align === 'end' ? w : 0), y: Y(y), size, font: ts.fonts.regular, color });
  };
  for (const s of g.shades) {
    page.drawRectangle({ x: X(s.x), y: Y(plot.y1), width: s.w, height: plot.y1 - s.top, color: COLOR.promotion, opacity: 0.55 });
    text(s.label, s.x + 1, s.labelY, COLOR.promotionText);
  }
  for (const t of g.yTicks) {
    page.drawLine({ start: { x: X(plot.x0), y: Y(t.at) }, end: { x: X(plot.x1), y: Y(t.at) }, thickness: 0.4, color: COLOR.grid });
    text(t.label, plot.x0 - FONT * 0.4, t.at + FONT * 0.35, COLOR.axis, 'end');
  }
  for (const b of g.bars) {
    page.drawRectangle({ x: X(b.x), y: Y(plot.y1), width: b.w, height: plot.y1 - b.top, color: COLOR.other });
    if (b.strongTop < plot.y1) page.drawRectangle({ x: X(b.x), y: Y(plot.y1), width: b.w, height: plot.y1 - b.strongTop, color: COLOR.strong });
  }
  page.drawLine({ start: { x: X(plot.x0), y: Y(plot.y1) }, end: { x: X(plot.x1), y: Y(plot.y1) }, thickness: 0.6, color: COLOR.axis });
  for (const t of g.xTicks) {
    page.drawLine({ start: { x: X(t.at), y: Y(plot.y1) }, end: { x: X(t.at), y: Y(plot.y1 + FONT * 0.3) }, thickness: 0.6, color: COLOR.axis });
    text(t.label, t.labelAt, plot.y1 + FONT * 1.35, COLOR.axis, 'middle');
  }
  if (g.rule) {
    page.drawLine({ start: { x: X(g.rule.x), y: Y(plot.y0) }, end: { x: X(g.rule.x), y: Y(plot.y1) }, thickness: 0.7, color: COLOR.ink, dashArray: [3, 2] });
    if (ruleLabel) text(ruleLabel, Math.min(g.rule.x + 3, plot.x1), plot.y0 - FONT * 0.4, COLOR.ink, g.rule.x > (plot.x0 + plot.x1) / 2 ? 'end' : 'start');
  }
  for (const m of g.markers) {
    const s = FONT * 0.45;
    const markTop = m.y - s * 2.2;
    page.drawSvgPath(`M${-s} 0 L${s} 0 L0 ${s * 1.6} Z`, { x: X(m.x), y: Y(markTop), color: COLOR[m.kind] });
    if (m.label) text(m.label, m.x, markTop - FONT * 0.25, COLOR[m.kind], 'middle', FONT * 0.85);
  }
  ts.y = top - frame.height;
}

/** The legend as one wrapped row of swatches and labels under the chart. */
function drawLegend(ts: Typesetter, items: readonly LegendItem[]): void {
  const size = FONT + 0.5;
  const step = size * 1.7;
  let x = ts.left;
  ts.y -= step;
  for (const item of items) {
    const w = size + 4 + ts.measure.width(item.label, ts.fonts.regular, size) + 12;
    if (x + w > ts.left + ts.width) {
      x = ts.left;
      ts.y -= step;
    }
    const base = ts.y + size * 0.2;
    if (item.triangle) ts.page.drawSvgPath(`M0 0 L${size} 0 L${size / 2} ${size * 0.9} Z`, { x, y: base + size * 0.9, color: COLOR[item.color] });
    else ts.page.drawRectangle({ x, y: base, width: size * 0.9, height: size * 0.9, color: COLOR[item.color] });
    ts.draw(item.label, { x: x + size + 4, y: base + 0.5, size, font: ts.fonts.regular });
    x += w;
  }
  ts.gap(4);
}

/** Title, drawing, legend and summary of one chart, kept together on a page. */
function figure(ts: Typesetter, title: string, sub: string, frame: Frame, draw: () => void, legend: LegendItem[], summary: string): void {
  ts.ensure(frame.height + 70);
  ts.text(title, { size: 10.5, bold: true });
  ts.text(sub, { size: 8, color: MUTED });
  ts.gap(4);
  draw();
  drawLegend(ts, legend);
  ts.text(summary, { size: 8.5, color: MUTED, lineHeight: 1.5 });
  ts.gap(10);
}

/**
 * The self-audit's pictures in the bundle, each before the first rule it explains: orders over
 * time before the bursts, unit prices before the price outliers. `before` is called for each
 * rule printed and draws what belongs there, once.
 */
export class PdfAuditCharts {
  private readonly drawn = new Set<'timeline' | 'prices'>();

  constructor(
    private readonly ts: Typesetter,
    private readonly charts: CaseCharts,
    private readonly t: Translate,
  ) {}

  before(rule: RuleId): void {
    const kind = rule === 'burstDay' || rule === 'burstHour' ? 'timeline' : rule === 'amountOutlier' ? 'prices' : undefined;
    if (!kind || this.drawn.has(kind)) return;
    this.drawn.add(kind);
    if (kind === 'timeline') this.timeline();
    else this.prices();
  }

  private timeline(): void {
    const { ts, charts, t } = this;
    const chart = charts.timeline;
    if (!chart) return;
    const w = timelineWords(chart, t);
    const frame = { width: ts.width, height: 170, font: FONT };
    const legend: LegendItem[] = [
      ...(chart.promotions.length > 0 ? [{ color: 'promotion' as const, label: w.legend.promotion }] : []),
      { color: 'strong', label: w.legend.flagged },
      { color: 'other', label: w.legend.other },
      ...(chart.bursts.some((b) => !b.explained) ? [{ color: 'unexplained' as const, label: w.legend.burst, triangle: true }] : []),
      ...(chart.bursts.some((b) => b.explained) ? [{ color: 'explained' as const, label: w.legend.burstExplained, triangle: true }] : []),
    ];
    figure(ts, w.title, w.bin, frame, () => drawGeometry(ts, timelineGeometry(chart, frame), frame), legend, [w.summary, w.bursts, w.promotions].filter(Boolean).join(' '));
  }

  private prices(): void {
    const { ts, charts, t } = this;
    for (const chart of charts.prices) {
      const w = priceWords(chart, t);
      const frame = { width: ts.width, height: 130, font: FONT };
      const legend: LegendItem[] = [...(chart.outliers.length > 0 ? [{ color: 'outlier' as const, label: w.legend.outlier }] : []), { color: 'other', label: w.legend.other }];
      figure(ts, w.title, `${w.axisX} · ${w.axisY}`, frame, () => drawGeometry(ts, priceGeometry(chart, frame), frame, w.median), legend, w.summary);
    }
  }
}
