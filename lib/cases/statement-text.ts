import { DOCUMENT_MESSAGES } from '@/lib/i18n/document-messages';
import { platformProfile } from '@/lib/platforms/profiles';
import { assembleStatement, charCount, STATEMENT_SECTIONS, type StatementSection } from '@/lib/schemas/steps/statement';
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

/** The statement as submitted, and its length against the platform's limit. */
export function statementText(c: CaseRecord) {
  const text = assembleStatement(statementValues(c), statementHeadings(c.platform));
  const limit = platformProfile(c.platform).statementMaxChars;
  return { text, count: charCount(text), limit };
}
