import 'server-only';
import { INK, type Typesetter } from '@/lib/pdf/layout';
import { cleanText, units } from '@/lib/pdf/measure';
import { resolveReferences, type Resolved } from '@/lib/statement/resolve';
import type { BundleText } from './bundle-text';
import type { BundleData } from './collect';
import type { ContentsLink, Entry } from './contents';
import { orderKey, type PageRefs } from './page-refs';
import { breakLines, placeRows, type Piece } from './statement-lines';

export type StatementContext = { ts: Typesetter; refs: PageRefs; text: BundleText; entry: (title: string) => Entry; volumes: number };

const SIZE = 11;
const STEP = SIZE * 1.7;
/**
 * The page number the lines are reserved with: three digits. Most bundles stay under 1,000 pages;
 * past that a label wider than its reservation is drawn a little smaller, never over the next word.
 */
const WIDEST_PAGE = 888;

type Ref = Exclude<Resolved, { kind: 'text' | 'dangling' }>;
type Slot = { pageIndex: number; y: number };

/**
 * The statement, references printed where they stand: an exhibit as "（证据 B-003，第 45 页）"
 * (volume and page when split) linking to the exhibit's first page, an order as its number linking
 * to its dossier page. The pages they point at exist only later, so the statement is laid out now
 * with every label at a reserved width, which fixes the lines and pages it takes, and drawn once
 * every page exists with the real labels, line breaks and all: no gap after a short label. A
 * reference whose exhibit was deleted prints nothing (the review step flagged it).
 */
export function writeStatement(ctx: StatementContext, data: BundleData): void {
  const { ts, refs, text } = ctx;
  const { b } = text;
  ts.newPage();
  ctx.entry(b('sections.statement'));
  ts.heading(b('sections.statement'));
  const font = ts.font();
  const measure = (s: string) => ts.measure.width(s, font, SIZE);
  const widest = ctx.volumes > 1 ? b('references.inVolume', { n: text.volume(ctx.volumes), page: WIDEST_PAGE }) : b('references.page', { page: WIDEST_PAGE });
  const room = measure(widest);
  const exhibits = data.exhibits.map((x) => ({ evidenceId: x.evidenceId, exhibitId: x.exhibitId, title: x.title }));
  const word = (s: string): Piece<Ref> => ({ text: s, width: measure(s) });

  const paragraphs = data.statement.split(/\r\n|\r|\n/).map((line) =>
    resolveReferences(line, exhibits).flatMap((s): Array<Piece<Ref>> => {
      if (s.kind === 'text') return units(cleanText(s.text)).flatMap((u) => (measure(u) > ts.width ? [...u].map(word) : [word(u)]));
      if (s.kind === 'dangling') return [];
      if (s.kind === 'order') return [{ ...word(b('references.order', { orderNo: s.orderNo })), ref: s }];
      const open = b('references.open', { id: s.exhibit.exhibitId });
      return [{ text: open, width: measure(open) + room, ref: s }];
    }),
  );
  // The lines' places, on the reserved widths: the pages after the statement are numbered from these.
  const slots: Slot[] = [];
  const reserved = paragraphs.reduce((n, pieces) => n + breakLines(pieces, ts.width).length, 0);
  for (let i = 0; i < reserved; i++) {
    ts.ensure(STEP);
    ts.y -= STEP;
    slots.push({ pageIndex: ts.doc.getPageCount() - 1, y: ts.y + (STEP - SIZE) / 2 });
  }
  const keys = paragraphs.flatMap((pieces) => pieces.flatMap((u) => (u.ref?.kind === 'order' ? [orderKey(u.ref.orderNo)] : [])));

  refs.later(keys, (targetOf, volumeOf) => {
    const here = volumeOf(slots[0]?.pageIndex ?? 0);
    const links: ContentsLink[] = [];
    /** An exhibit's words with its page, as wide as they are up to the reserved width (a wider one is drawn smaller). */
    const drawn = (u: Piece<Ref>): Piece<Ref> & { size: number; target?: number } => {
      if (u.ref?.kind === 'order') {
        const target = targetOf(orderKey(u.ref.orderNo));
        return { ...u, size: SIZE, target: target !== undefined && volumeOf(target) === here ? target : undefined };
      }
      if (u.ref?.kind !== 'exhibit') return { ...u, size: SIZE };
      const target = targetOf(u.ref.exhibit.exhibitId);
      const id = u.ref.exhibit.exhibitId;
      const v = target === undefined ? here : volumeOf(target);
      const words =
        target === undefined
          ? b('references.exhibit', { id })
          : b('references.open', { id }) + (v !== here ? b('references.inVolume', { n: text.volume(v), page: target + 1 }) : b('references.page', { page: target + 1 }));
      const natural = measure(words);
      return { text: words, width: Math.min(natural, u.width), size: natural > u.width ? (SIZE * u.width) / natural : SIZE, ref: u.ref, target: v === here ? target : undefined };
    };
    const rows = paragraphs.flatMap((pieces) => breakLines(pieces.map(drawn), ts.width));
    const byPage = groupSlots(slots);
    const pages = ts.doc.getPages();
    let next = 0;
    placeRows(rows.length, byPage.map((s) => s.length)).forEach((count, p) => {
      byPage[p]!.slice(0, count).forEach((slot) => {
        const page = pages[slot.pageIndex]!;
        let x = ts.left;
        for (const u of rows[next++]!) {
          if (u.text) ts.draw(u.text, { x, y: slot.y, size: u.size, font, color: INK }, page);
          if (u.target !== undefined) links.push({ tocPage: slot.pageIndex, rect: { x: x - 1, y: slot.y - SIZE * 0.3, width: u.width + 2, height: SIZE * 1.3 }, target: u.target });
          x += u.width;
        }
      });
    });
    return links;
  });
}

/** The slots by page, in order. */
function groupSlots(slots: readonly Slot[]): Slot[][] {
  const pages: Slot[][] = [];
  for (const slot of slots) {
    const last = pages.at(-1);
    if (last && last[0]!.pageIndex === slot.pageIndex) last.push(slot);
    else pages.push([slot]);
  }
  return pages;
}
