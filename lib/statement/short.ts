import { DOCUMENT_MESSAGES, type DocumentLanguage } from '@/lib/i18n/document-messages';
import { REQUIRED_SECTIONS, STATEMENT_SECTIONS, type StatementValues } from '@/lib/schemas/steps/statement';
import { charCount } from '@/lib/schemas/text';
import { cutUnits, sizeOf, toUnits, type ShortRefs, type Unit } from './short-units';

/** The appeal form's short box: its limit, whether that limit is our default, the document language. */
export type ShortBox = { limit: number; isDefault: boolean; language: DocumentLanguage };

export type ShortVersion = {
  text: string;
  /** Characters as the statement counts them (code points, lib/schemas/text.ts charCount). */
  count: number;
  limit: number;
  /** False when something of the statement had to be shortened or left out to fit. */
  complete: boolean;
};

const OPTIONAL_SECTIONS = STATEMENT_SECTIONS.filter((s) => !REQUIRED_SECTIONS.includes(s));
/** An optional section is not started with less room than this: a few words of it say nothing. */
const MIN_OPTIONAL = 20;

/** "详见证据包" / "See the evidence bundle": the box's text points the reviewer at the full statement. */
export function shortSuffix(language: DocumentLanguage): string {
  return DOCUMENT_MESSAGES[language].statementDraft.document.shortSuffix;
}

/**
 * The statement cut to the appeal form's short box: the required sections first (each gets a fair
 * share of the room when they do not all fit), then the optional ones while room is left,
 * references written as bare exhibit ids, and the pointer to the bundle at the end. Never longer
 * than `limit`; never splits a character or a reference.
 */
export function shortVersion(values: StatementValues, { limit, language, refs }: { limit: number; language: DocumentLanguage; refs?: ShortRefs }): ShortVersion {
  const suffix = shortSuffix(language);
  const units = (s: keyof StatementValues) => toUnits(compact(values[s]), language, refs);
  const required = REQUIRED_SECTIONS.map(units).filter((u) => u.length > 0);
  const optional = OPTIONAL_SECTIONS.map(units).filter((u) => u.length > 0);
  const total = [...required, ...optional];
  // One line break between sections and before the suffix.
  const room = limit - charCount(suffix) - required.length;
  if (room <= 0) return finish([], suffix, limit, total.length === 0);

  const kept = fairShares(required, room);
  let left = room - kept.reduce((sum, u) => sum + sizeOf(u), 0);
  for (const section of optional) {
    if (left - 1 < Math.min(MIN_OPTIONAL, sizeOf(section))) break;
    const cut = cutUnits(section, left - 1);
    if (cut.length === 0) break;
    kept.push(cut);
    left -= sizeOf(cut) + 1;
  }
  const complete = kept.length === total.length && kept.every((k, i) => k.length === total[i]?.length && sizeOf(k) === sizeOf(total[i] ?? []));
  return finish(kept.filter((k) => k.length > 0), suffix, limit, complete);
}

/**
 * Splits `room` among the sections: those shorter than an equal share keep all of theirs, and
 * what they leave goes to the longer ones (water-filling), so no required section is crowded out.
 */
function fairShares(sections: Unit[][], room: number): Unit[][] {
  const order = sections.map((u, i) => ({ i, size: sizeOf(u) })).sort((a, b) => a.size - b.size);
  const kept: Unit[][] = sections.map(() => []);
  let left = room;
  for (const [n, { i, size }] of order.entries()) {
    const share = Math.floor(left / (order.length - n));
    const cut = cutUnits(sections[i] ?? [], Math.min(size, share));
    kept[i] = cut;
    left -= sizeOf(cut);
  }
  return kept;
}

function finish(sections: Unit[][], suffix: string, limit: number, complete: boolean): ShortVersion {
  const body = sections.map((u) => u.map((x) => x.text).join('')).join('\n');
  let text = body ? `${body}\n${suffix}` : suffix;
  // A limit shorter than the suffix itself leaves nothing that fits.
  if (charCount(text) > limit) text = '';
  return { text, count: charCount(text), limit, complete: complete && text !== '' };
}

/** Blank lines and runs of spaces cost characters the box does not need. */
function compact(text: string): string {
  return text
    .trim()
    .replace(/[ \t]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n');
}
