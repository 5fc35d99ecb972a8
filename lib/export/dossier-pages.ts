import { MUTED, type Typesetter } from '@/lib/pdf/layout';
import { chinaTime, money, type BundleText } from './bundle-text';
import type { OrderMentions } from './chat-mentions';
import type { BundleData, FlaggedOrder } from './collect';
import type { Entry } from './contents';
import type { OrderDossier } from './dossier-data';
import { statusWord, writeDossierTable } from './dossier-table';
import { lineKey, orderKey, type PageRefs } from './page-refs';

/** What the dossiers need from the writer: the typesetter, the page references, the words, and a contents entry at the cursor. */
export type DossierContext = { ts: Typesetter; refs: PageRefs; text: BundleText; entry: (title: string, parent?: Entry) => Entry };
/** A finding that touches an order, with its words: rule title and detail, and the explanation that applies to it. */
export type OrderFinding = { rule: string; detail: string; explanation: string };

/** A quoted chat line longer than this is cut: the number it names is what matters. */
const QUOTE_CHARS = 240;
/** Orders named one by one in the contents; above this only the group's line (the reserved contents pages count these). */
export const DOSSIERS_IN_CONTENTS = 20;

/** Contents lines the dossiers take: the group, and an order each while they are few. */
export function dossierContentsLines({ dossiers }: Pick<BundleData, 'dossiers'>): number {
  const n = dossiers.orders.length;
  if (n === 0) return 0;
  return 1 + (!dossiers.compact && n <= DOSSIERS_IN_CONTENTS ? n : 0);
}

/** The self-audit findings by order: each finding's own explanation, else its rule's. */
export function findingsByOrder(data: BundleData, text: BundleText): Map<string, OrderFinding[]> {
  const byOrder = new Map<string, OrderFinding[]>();
  data.audit.forEach((group, i) => {
    const words = text.audit[i];
    group.findings.forEach((f, j) => {
      const item = { rule: words?.title ?? f.rule, detail: words?.findings[j]?.detail ?? '', explanation: f.explanation || group.explanation };
      for (const no of f.orderNos) {
        const list = byOrder.get(no);
        if (list) list.push(item);
        else byOrder.set(no, [item]);
      }
    });
  });
  return byOrder;
}

/**
 * After the orders table and the coverage matrix: a page per flagged order, or past the limit
 * (data.dossiers.compact) one table with a row per order.
 */
export function writeDossiers(ctx: DossierContext, data: BundleData, mentions: Map<string, OrderMentions>): void {
  const { ts, text } = ctx;
  const { b } = text;
  const { orders, compact } = data.dossiers;
  if (orders.length === 0) return;
  const findings = findingsByOrder(data, text);
  const titles = new Map(data.exhibits.map((x) => [x.exhibitId, x.title]));
  ts.newPage();
  const group = ctx.entry(b(compact ? 'dossier.sectionCompact' : 'dossier.section'));
  ts.heading(b(compact ? 'dossier.sectionCompact' : 'dossier.section'));
  if (compact) {
    ts.text(b('dossier.compactIntro', { count: orders.length, max: data.dossiers.max }), { size: 9, color: MUTED });
    ts.gap(6);
    writeDossierTable(ctx, data, findings, mentions);
    return;
  }
  ts.text(b('dossier.intro'), { size: 9, color: MUTED });
  const named = orders.length <= DOSSIERS_IN_CONTENTS;
  orders.forEach((d, i) => {
    const order = data.flaggedOrders[i];
    if (!order) return;
    if (i > 0) ts.newPage();
    else ts.gap(10);
    if (named) ctx.entry(b('dossier.title', { orderNo: d.orderNo }), group);
    orderPage(ctx, order, d, findings.get(d.orderNo) ?? [], mentions.get(d.orderNo), titles);
  });
}

function subheading(ts: Typesetter, title: string): void {
  ts.ensure(40);
  ts.gap(8);
  ts.text(title, { size: 11, bold: true, lineHeight: 1.5 });
}

function orderPage(ctx: DossierContext, o: FlaggedOrder, d: OrderDossier, found: OrderFinding[], mentions: OrderMentions | undefined, titles: Map<string, string>): void {
  const { ts, refs } = ctx;
  const { b } = ctx.text;
  refs.mark(orderKey(o.orderNo));
  const none = b('dossier.none');
  ts.text(b('dossier.title', { orderNo: o.orderNo }), { size: 14, bold: true, lineHeight: 1.4 });
  const nothing = o.exhibitIds.length === 0 && found.length === 0 && d.events.length === 0 && (mentions?.total ?? 0) === 0;
  if (nothing) ts.text(b('dossier.nothing'), { size: 10, bold: true, color: MUTED });
  ts.gap(4);
  const check = `${b(`dossier.check.${d.tracking.status}`)}${d.tracking.checkDigit ? b(d.tracking.checkDigit === 'valid' ? 'dossier.check.checkDigitValid' : 'dossier.check.checkDigitInvalid') : ''}`;
  ts.fields(
    [
      [b('dossier.item'), o.itemTitle || none],
      [b('dossier.amount'), money(o.amountCents) || none],
      [b('dossier.status'), statusWord(b, d) || none],
      [b('dossier.orderedAt'), chinaTime(o.orderedAt) || none],
      [b('dossier.paidAt'), chinaTime(d.paidAt) || none],
      [b('dossier.shippedAt'), chinaTime(d.shippedAt) || none],
      [b('dossier.signedAt'), chinaTime(d.signedAt) || none],
      [b('dossier.logistics'), [o.carrier, o.trackingNo].filter(Boolean).join(' ') || none],
      [b('dossier.trackingCheck'), check],
    ],
    { size: 9.5, labelWidth: 110 },
  );

  subheading(ts, b('dossier.timeline'));
  if (d.events.length === 0) ts.text(b('dossier.noTimeline'), { size: 9, color: MUTED });
  d.events.forEach((e, i) => {
    // The cut goes where the middle of a long timeline was left out.
    if (d.moreEvents > 0 && i === d.events.length - 10) ts.text(b('dossier.moreEvents', { count: d.moreEvents }), { size: 8.5, color: MUTED, indent: 8 });
    ts.text(`${chinaTime(e.at)}  ${e.text}`, { size: 8.5, indent: 8, lineHeight: 1.45 });
  });
  if (d.undated > 0) ts.text(b('dossier.undated', { count: d.undated }), { size: 8.5, color: MUTED, indent: 8 });

  subheading(ts, b('dossier.exhibits'));
  if (o.exhibitIds.length === 0) ts.text(b('dossier.noExhibits'), { size: 9, color: MUTED });
  for (const id of o.exhibitIds) refs.line(`${id}  ${titles.get(id) ?? ''}`, id, { size: 9.5, indent: 8 });

  subheading(ts, b('dossier.findings'));
  if (found.length === 0) ts.text(b('dossier.noFindings'), { size: 9, color: MUTED });
  for (const f of found) {
    ts.ensure(36);
    ts.text(`${f.rule} · ${f.detail}`, { size: 9.5, indent: 8 });
    ts.text(f.explanation ? b('dossier.explanation', { text: f.explanation }) : b('dossier.noExplanation'), { size: 9, color: MUTED, indent: 20 });
  }

  subheading(ts, b('dossier.mentions'));
  if (!mentions || mentions.total === 0) ts.text(b('dossier.noMentions'), { size: 9, color: MUTED });
  const shown = mentions?.shown ?? [];
  for (const [i, m] of shown.entries()) {
    // "另有 N 条" never starts a page alone: the last line quoted goes with it.
    if (i === shown.length - 1 && mentions && mentions.total > shown.length) ts.ensure(60);
    // Where first (exhibit, time, speaker and the page it is on), then the line itself, whole up to a limit.
    refs.line(`${m.exhibitId}  ${[m.time, m.speaker].filter(Boolean).join('  ')}`, lineKey(m.exhibitId, m.message), { size: 8.5, indent: 8 });
    ts.text(m.line.length > QUOTE_CHARS ? `${m.line.slice(0, QUOTE_CHARS)}…` : m.line, { size: 9, indent: 20, lineHeight: 1.45 });
  }
  if (mentions && mentions.total > mentions.shown.length) ts.text(b('dossier.moreMentions', { count: mentions.total - mentions.shown.length }), { size: 8.5, color: MUTED, indent: 8 });
}
