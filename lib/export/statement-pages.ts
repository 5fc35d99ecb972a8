import 'server-only';
import { INK, type Typesetter } from '@/lib/pdf/layout';
import { cleanText, NO_LINE_START, units } from '@/lib/pdf/measure';
import { resolveReferences, type Resolved } from '@/lib/statement/resolve';
import type { BundleText } from './bundle-text';
import type { BundleData } from './collect';
import type { Entry } from './contents';
import { orderKey, type PageLabel, type PageRefs } from './page-refs';

export type StatementContext = { ts: Typesetter; refs: PageRefs; text: BundleText; entry: (title: string) => Entry; volumes: number };


const SIZE = 11;
const LINE_HEIGHT = 1.7;
/**
 * Room reserved for the page number: three digits, since the statement is laid out before the
 * pages it points at exist. Most bundles stay under 1,000 pages; past that a label is drawn a
 * little smaller in the same room (page-refs.ts) rather than over the next word. Wider room would
 * leave a visible gap after every short label.
 */
const WIDEST_PAGE = 888;

/** A piece of a line: words, or a reference kept whole on one line. */
type Unit = { text: string; width: number; ref?: Exclude<Resolved, { kind: 'text' | 'dangling' }> };

/**
 * The statement, references printed where they stand: an exhibit as "（证据 B-003，第 45 页）"
 * (volume and page when split) linking to the exhibit's first page, an order as its number linking
 * to its dossier page. The page labels are reserved now and drawn once every page exists, like the
 * contents'. A reference whose exhibit was deleted prints nothing (the review step flagged it).
 */
export function writeStatement(ctx: StatementContext, data: BundleData): void {
  const { ts, refs, text } = ctx;
  const { b } = text;
  ts.newPage();
  ctx.entry(b('sections.statement'));
  ts.heading(b('sections.statement'));
  const label: PageLabel = (v, page, here) => (v !== here ? b('references.inVolume', { n: text.volume(v), page }) : b('references.page', { page }));
  const font = ts.font();
  const widest = ctx.volumes > 1 ? b('references.inVolume', { n: text.volume(ctx.volumes), page: WIDEST_PAGE }) : b('references.page', { page: WIDEST_PAGE });
  const room = ts.measure.width(widest, font, SIZE);
  const exhibits = data.exhibits.map((x) => ({ evidenceId: x.evidenceId, exhibitId: x.exhibitId, title: x.title }));
  const dossierOrders = new Set(data.dossiers.compact ? [] : data.flaggedOrders.map((o) => o.orderNo));
  const word = (s: string): Unit => ({ text: s, width: ts.measure.width(s, font, SIZE) });

  for (const line of data.statement.split(/\r\n|\r|\n/)) {
    const pieces: Unit[] = resolveReferences(line, exhibits).flatMap((s): Unit[] => {
      if (s.kind === 'text') return units(cleanText(s.text)).flatMap((u) => (ts.measure.width(u, font, SIZE) > ts.width ? [...u].map(word) : [word(u)]));
      if (s.kind === 'dangling') return [];
      if (s.kind === 'order') return [{ ...word(b('references.order', { orderNo: s.orderNo })), ref: s }];
      const open = b('references.open', { id: s.exhibit.exhibitId });
      return [{ text: open, width: ts.measure.width(open, font, SIZE) + room, ref: s }];
    });
    const step = SIZE * LINE_HEIGHT;
    for (const row of breakLines(pieces, ts.width)) {
      ts.ensure(step);
      ts.y -= step;
      const y = ts.y + (step - SIZE) / 2;
      let x = ts.left;
      for (const u of row) {
        if (u.text) ts.draw(u.text, { x, y, size: SIZE, font, color: INK });
        if (u.ref?.kind === 'exhibit') {
          const textWidth = u.width - room;
          refs.at(u.ref.exhibit.exhibitId, x + textWidth, y, SIZE, false, { label, room, linkFrom: x });
        } else if (u.ref?.kind === 'order' && dossierOrders.has(u.ref.orderNo)) {
          refs.at(orderKey(u.ref.orderNo), x + u.width, y, SIZE, false, { silent: true, linkFrom: x });
        }
        x += u.width;
      }
    }
  }
}

/** Greedy lines: a line breaks at a space or between CJK characters, never before closing punctuation (it hangs). */
function breakLines(pieces: Unit[], width: number): Unit[][] {
  const rows: Unit[][] = [];
  let row: Unit[] = [];
  let used = 0;
  for (const u of pieces) {
    const fits = used + u.width <= width || row.length === 0 || (!u.ref && NO_LINE_START.has(u.text));
    if (fits) {
      row.push(u);
      used += u.width;
      continue;
    }
    rows.push(row);
    row = u.text === ' ' && !u.ref ? [] : [u];
    used = row.length ? u.width : 0;
  }
  rows.push(row);
  return rows;
}
