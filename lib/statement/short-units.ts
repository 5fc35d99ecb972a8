import type { DocumentLanguage } from '@/lib/i18n/document-messages';
import { charCount } from '@/lib/schemas/text';
import { parseReferences } from './references';

/**
 * The pieces a short version may be cut between: a reference (written bare, never split) or one
 * grapheme, so an emoji with its modifiers or a letter with its accent is kept or dropped whole.
 */
export type Unit = { text: string; size: number; ref: boolean; sentenceEnd: boolean };

const SENTENCE_END = /^[。！？；.!?;\n]$/;

export type ShortRefs = {
  /** Current exhibit id by evidence id, for `[[ev:<id>]]`; one not found was deleted and is left out. */
  exhibitIds?: Readonly<Record<string, string>>;
};

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function textUnits(text: string): Unit[] {
  return Array.from(graphemes.segment(text), ({ segment }) => ({ text: segment, size: charCount(segment), ref: false, sentenceEnd: SENTENCE_END.test(segment) }));
}

function refUnit(text: string): Unit {
  return { text, size: charCount(text), ref: true, sentenceEnd: false };
}

/**
 * A section's text as units, each reference (the statement's grammar, ./references.ts) written
 * bare: B-003, 订单 3412…. A stored key whose exhibit was deleted is left out, never printed dangling.
 */
export function toUnits(text: string, language: DocumentLanguage, refs: ShortRefs = {}): Unit[] {
  return parseReferences(text).flatMap((s): Unit[] => {
    if (s.kind === 'text') return textUnits(s.text);
    if (s.kind === 'order') return [refUnit(`${language === 'en' ? 'Order' : '订单'} ${s.orderNo}`)];
    if (s.kind === 'deleted') return [];
    const id = s.kind === 'exhibitId' ? s.exhibitId : refs.exhibitIds?.[s.evidenceId];
    return id ? [refUnit(id)] : [];
  });
}

export function sizeOf(units: readonly Unit[]): number {
  return units.reduce((sum, u) => sum + u.size, 0);
}

export const ELLIPSIS = '…';

/**
 * The longest start of `units` within `max` characters: whole sentences when they keep at least
 * half of the room, else as many units as fit followed by "…". Never splits a unit.
 */
export function cutUnits(units: readonly Unit[], max: number): Unit[] {
  if (sizeOf(units) <= max) return [...units];
  let size = 0;
  let lastSentence = 0;
  let fitsWithEllipsis = 0;
  for (const [i, unit] of units.entries()) {
    if (size + unit.size > max) break;
    size += unit.size;
    if (unit.sentenceEnd) lastSentence = i + 1;
    if (size + ELLIPSIS.length <= max) fitsWithEllipsis = i + 1;
  }
  const sentences = units.slice(0, lastSentence);
  if (lastSentence > 0 && sizeOf(sentences) * 2 >= max) return trimEnd(sentences);
  const start = trimEnd(units.slice(0, fitsWithEllipsis));
  return start.length === 0 ? [] : [...start, { text: ELLIPSIS, size: 1, ref: false, sentenceEnd: false }];
}

function trimEnd(units: Unit[]): Unit[] {
  let end = units.length;
  while (end > 0 && !units[end - 1]?.ref && /^\s+$/.test(units[end - 1]?.text ?? '')) end -= 1;
  return units.slice(0, end);
}
