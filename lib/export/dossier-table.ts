import { rgb } from 'pdf-lib';
import { isOrderStatus } from '@/lib/orders/status';
import { INK, MARGIN, RULE, type Typesetter } from '@/lib/pdf/layout';
import { chinaTime } from './bundle-text';
import type { OrderMentions } from './chat-mentions';
import type { BundleData } from './collect';
import type { OrderDossier } from './dossier-data';
import type { DossierContext, OrderFinding } from './dossier-pages';

const SIZE = 7;
const STEP = SIZE * 1.35;
const PAD = 3;
const MAX_LINES = 4;
/** Exhibits listed with their page in a row; the rest are counted. */
const EXHIBITS_SHOWN = 4;
const WIDTHS = [2.2, 1.3, 1.9, 2.1, 1.9, 1.9, 0.8, 1];

type Cell = { lines: string[]; refs?: string[] };

/** "已发货 · 卖家已发货": the normalised status in the bundle's language, then the export's own words. */
export function statusWord(b: DossierContext['text']['b'], d: OrderDossier): string {
  const word = isOrderStatus(d.status) ? b(`dossier.statuses.${d.status}`) : '';
  return [word, d.statusText === word ? '' : d.statusText].filter(Boolean).join(' · ');
}

function wrapped(ts: Typesetter, text: string, width: number, bold = false): string[] {
  const lines = ts.measure.wrap(text, width, ts.font(bold), SIZE);
  if (lines.length <= MAX_LINES) return lines;
  const kept = lines.slice(0, MAX_LINES);
  kept[MAX_LINES - 1] = ts.measure.fit(`${kept[MAX_LINES - 1]}…`, width, ts.font(bold), SIZE);
  return kept;
}

/**
 * The dossiers as one table, a row per order, for a case past the page-per-order limit: status,
 * times, carrier with its number check, the exhibits with their page labels (reserved here, drawn
 * and linked with the contents), the findings' rules, and counts of timeline events and chat
 * mentions. Ts.table has no cells for page labels, so the rows are drawn here; the header repeats
 * on every page.
 */
export function writeDossierTable(ctx: DossierContext, data: BundleData, findings: Map<string, OrderFinding[]>, mentions: Map<string, OrderMentions>): void {
  const { ts, refs } = ctx;
  const { b } = ctx.text;
  const none = b('dossier.none');
  const total = WIDTHS.reduce((a, w) => a + w, 0);
  const cols = WIDTHS.map((w) => (w / total) * ts.width);
  const inner = (i: number) => (cols[i] ?? 0) - 2 * PAD;
  const header = ['colOrder', 'colStatus', 'colTimes', 'colLogistics', 'colExhibits', 'colFindings', 'colEvents', 'colMentions'].map((k, i) => ({ lines: wrapped(ts, b(`dossier.${k}`), inner(i), true) }));
  const heightOf = (cells: Cell[]) => Math.max(1, ...cells.map((c) => c.lines.length)) * STEP + 2 * PAD;

  const drawRow = (cells: Cell[], bold: boolean) => {
    const h = heightOf(cells);
    const top = ts.y;
    if (bold) ts.page.drawRectangle({ x: ts.left, y: top - h, width: ts.width, height: h, color: rgb(0.94, 0.95, 0.97) });
    let x = ts.left;
    cells.forEach((cell, i) => {
      cell.lines.forEach((line, n) => {
        const y = top - PAD - (n + 1) * STEP + (STEP - SIZE) / 2;
        if (line) ts.draw(line, { x: x + PAD, y, size: SIZE, font: ts.font(bold), color: INK });
        const ref = cell.refs?.[n];
        if (ref) refs.at(ref, x + PAD + ts.measure.width(`${line} `, ts.font(bold), SIZE), y, SIZE);
      });
      x += cols[i] ?? 0;
    });
    ts.y -= h;
    ts.page.drawLine({ start: { x: ts.left, y: ts.y }, end: { x: ts.left + ts.width, y: ts.y }, thickness: 0.4, color: RULE });
  };

  ts.ensure(heightOf(header) + STEP * 3);
  drawRow(header, true);
  data.dossiers.orders.forEach((d, i) => {
    const o = data.flaggedOrders[i];
    if (!o) return;
    const shown = o.exhibitIds.slice(0, EXHIBITS_SHOWN);
    const exhibits: Cell = { lines: shown.length > 0 ? [...shown] : [none], refs: [...shown] };
    if (o.exhibitIds.length > shown.length) exhibits.lines.push(b('dossier.moreExhibits', { count: o.exhibitIds.length - shown.length }));
    const times = [d.paidAt, d.shippedAt, d.signedAt].map(chinaTime);
    const rules = [...new Set((findings.get(d.orderNo) ?? []).map((f) => f.rule))];
    const cells: Cell[] = [
      { lines: wrapped(ts, o.orderNo, inner(0)) },
      { lines: wrapped(ts, statusWord(b, d) || none, inner(1)) },
      { lines: times.some(Boolean) ? times.map((t) => t || none) : [none] },
      { lines: [...wrapped(ts, [o.carrier, o.trackingNo].filter(Boolean).join(' '), inner(3)).filter(Boolean), b(`dossier.checkShort.${d.tracking.status}`)] },
      exhibits,
      { lines: wrapped(ts, rules.join(ctx.text.language === 'en' ? ', ' : '、') || none, inner(5)) },
      { lines: [String(d.events.length + d.moreEvents)] },
      { lines: [String(mentions.get(d.orderNo)?.total ?? 0)] },
    ];
    if (ts.y - heightOf(cells) < MARGIN.bottom) {
      ts.newPage();
      drawRow(header, true);
    }
    drawRow(cells, false);
  });
}
