import { DOCUMENT_MESSAGES } from '@/lib/i18n/document-messages';
import { platformProfile } from '@/lib/platforms/profiles';
import { assembleStatement, charCount, STATEMENT_SECTIONS, type StatementSection } from '@/lib/schemas/steps/statement';
import { printedText, type ExhibitInfo } from '@/lib/statement/resolve';
import { plainWords, type ReferenceTemplates } from '@/lib/statement/words';
import { statementValues, type CaseRecord } from './snapshot';

/**
 * Section headings in the language the platform's reviewers read (Chinese for
 * Chinese marketplaces, English for Amazon), whatever language the merchant's
 * screen is in: the statement is a document for the platform. The same
 * headings everywhere keep the character count the same on every page.
 */
export function statementHeadings(platform: string): Record<StatementSection, string> {
  const language = platformProfile(platform).documentLanguage;
  const sections = DOCUMENT_MESSAGES[language].statement.sections;
  return Object.fromEntries(STATEMENT_SECTIONS.map((s) => [s, sections[s].heading])) as Record<StatementSection, string>;
}

/** How references read in plain text in the platform's document language (bundle.references). */
export function referenceTemplates(platform: string): ReferenceTemplates {
  const { exhibit, order } = DOCUMENT_MESSAGES[platformProfile(platform).documentLanguage].bundle.references;
  return { exhibit, order };
}

/**
 * The statement as submitted, and its length against the platform's limit: `text` is printed
 * (references as "（证据 B-003）", dangling ones left out: lib/statement/resolve.ts) and counted;
 * `stored` keeps the references' keys, for the bundle to link. Without `exhibits` every exhibit
 * reference counts as dangling, so callers that count pass the case's exhibits.
 */
export function statementText(c: CaseRecord, exhibits: readonly ExhibitInfo[] = []) {
  const stored = assembleStatement(statementValues(c), statementHeadings(c.platform));
  const text = printedText(stored, exhibits, plainWords(referenceTemplates(c.platform)));
  const limit = platformProfile(c.platform).statementMaxChars;
  return { text, stored, count: charCount(text), limit };
}
