import { z } from 'zod';
import { charCount, draftText, multiLine, optionalText } from '../text';

/** The statement's sections, in the order a reviewer reads them. */
export const STATEMENT_SECTIONS = ['whatHappened', 'whyGenuine', 'evidence', 'context', 'prevention'] as const;
export type StatementSection = (typeof STATEMENT_SECTIONS)[number];

/** Sections every appeal needs; context and prevention strengthen it but are not always there. */
export const REQUIRED_SECTIONS: readonly StatementSection[] = ['whatHappened', 'whyGenuine', 'evidence'];

/** Hard cap per section: far above any platform's limit, so a long draft is kept and flagged, not refused. */
export const STATEMENT_SECTION_MAX = 10_000;

export type StatementValues = Record<StatementSection, string>;

const draftSection = draftText(STATEMENT_SECTION_MAX);
export const statementDraftSchema = z
  .object({ whatHappened: draftSection, whyGenuine: draftSection, evidence: draftSection, context: draftSection, prevention: draftSection })
  .partial();

const requiredSection = multiLine(STATEMENT_SECTION_MAX);
const optionalSection = optionalText(multiLine(STATEMENT_SECTION_MAX));
export const statementSchema = z.object({
  whatHappened: requiredSection,
  whyGenuine: requiredSection,
  evidence: requiredSection,
  context: optionalSection,
  prevention: optionalSection,
});

/** Reads the stored JSON leniently: unknown keys and non-strings are dropped. */
export function parseStatement(json: string): StatementValues {
  let raw: unknown = {};
  try {
    raw = JSON.parse(json);
  } catch {
    raw = {};
  }
  const record = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  return Object.fromEntries(
    STATEMENT_SECTIONS.map((s) => [s, typeof record[s] === 'string' ? record[s] : '']),
  ) as StatementValues;
}

/**
 * The text the merchant pastes into the platform's appeal box: each non-empty
 * section under its numbered heading. `headings` come from the message files.
 */
export function assembleStatement(values: StatementValues, headings: Record<StatementSection, string>): string {
  return STATEMENT_SECTIONS.filter((s) => values[s].trim() !== '')
    .map((s) => `${headings[s]}\n${values[s].trim()}`)
    .join('\n\n');
}

export { charCount };
