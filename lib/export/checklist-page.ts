import 'server-only';
import { rgb } from 'pdf-lib';
import { INK, MUTED } from '@/lib/pdf/layout';
import type { BundleText } from './bundle-text';
import type { BundleChecklist, ChecklistLine } from './checklist-data';
import type { Exhibit } from './collect';
import type { BundleWriter } from './writer';

type Translate = (key: string, params?: Record<string, unknown>) => string;

/** Exhibit lines under one requirement; 300 waybills would otherwise fill pages the contents already list. */
export const EXHIBITS_SHOWN = 12;

const STATE_COLOR = { met: rgb(0.1, 0.45, 0.2), partly: rgb(0.64, 0.42, 0), missing: rgb(0.7, 0.1, 0.1), explained: INK } as const;

/** The page's words that live outside `bundle.*` (requirement titles, accusation names), for the text and the font subset. */
export function checklistWords(t: Translate, checklist: BundleChecklist | null) {
  if (!checklist) return null;
  return {
    accusations: checklist.accusations.map((a) => t(`checklists.accusations.${a}`)),
    requirements: new Map(checklist.lines.map((line) => [line.id, t(`checklists.requirements.${line.id}`)])),
  };
}

/**
 * The checklist page, right after the contents: what the platform's rule asks for, given the
 * accusations picked, and for each requirement the exhibits that meet it (with their page, linked
 * once the exhibits are laid out), the penalised orders covered, or the merchant's reason.
 * Nothing when no accusation was picked.
 */
export function writeChecklist(writer: BundleWriter, text: BundleText, checklist: BundleChecklist | null, exhibits: readonly Exhibit[]): void {
  const words = text.checklist;
  if (!checklist || !words) return;
  const { ts } = writer;
  const c = (key: string, params?: Record<string, unknown>) => text.b(`checklist.${key}`, params);
  ts.newPage();
  writer.contents.add(c('title'), ts.doc.getPageCount() - 1);
  ts.heading(c('title'));
  ts.fields([[c('platform'), text.platformName], [c('accusations'), words.accusations.join(c('separator'))]], { size: 10, labelWidth: 90 });
  ts.gap(2);
  ts.text(c('intro'), { size: 9, color: MUTED });
  ts.gap(4);
  const titles = new Map(exhibits.map((x) => [x.exhibitId, x.title]));
  checklist.lines.forEach((line, i) => {
    ts.ensure(90);
    ts.rule();
    const requirement = words.requirements.get(line.id) ?? line.id;
    ts.text(c('heading', { n: i + 1, state: c(`state.${line.state}`), requirement: `${requirement}${line.optional ? ` ${c('optional')}` : ''}` }), { size: 10.5, bold: true, color: STATE_COLOR[line.state], lineHeight: 1.45 });
    ts.text(c('source', { source: sourceText(line, c) }), { size: 8.5, color: MUTED, indent: 14 });
    writeAnswers(writer, line, titles, c);
  });
}

function sourceText(line: ChecklistLine, c: Translate): string {
  const s = line.source;
  if (!s) return c('ourDefault');
  return [s.titles.join(' '), s.url, s.date, s.primary ? '' : c('secondHand')].filter(Boolean).join(' · ');
}

function writeAnswers(writer: BundleWriter, line: ChecklistLine, titles: ReadonlyMap<string, string>, c: Translate): void {
  const { ts, refs } = writer;
  if (line.exhibitIds.length > 0) {
    ts.text(c('metBy'), { size: 9.5, indent: 14 });
    for (const id of line.exhibitIds.slice(0, EXHIBITS_SHOWN)) refs.line(`${id}  ${titles.get(id) ?? ''}`, id, { size: 9.5, indent: 28 });
    const more = line.exhibitIds.length - EXHIBITS_SHOWN;
    if (more > 0) ts.text(c('moreExhibits', { count: more }), { size: 9, color: MUTED, indent: 28 });
  }
  if (line.orders) {
    const { covered, total, uncovered } = line.orders;
    ts.text(c('ordersCovered', { covered, total }), { size: 9.5, indent: 14 });
    const more = total - covered - uncovered.length;
    if (uncovered.length > 0) ts.text(c('uncovered', { orders: uncovered.join(' '), more }), { size: 9, color: MUTED, indent: 28 });
  }
  if (line.reason) ts.text(c('reason', { reason: line.reason }), { size: 10, indent: 14, lineHeight: 1.6 });
  else if (line.exhibitIds.length === 0) ts.text(c('nothing'), { size: 9.5, color: MUTED, indent: 14 });
  ts.gap(4);
}
