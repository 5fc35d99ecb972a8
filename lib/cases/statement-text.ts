import en from '@/lib/i18n/messages/en.json';
import zh from '@/lib/i18n/messages/zh-CN.json';
import { PLATFORMS, isPlatformId } from '@/lib/platforms/profiles';
import { assembleStatement, charCount, STATEMENT_SECTIONS, type StatementSection } from '@/lib/schemas/steps/statement';
import { statementValues, type CaseRecord } from './snapshot';

const DOCUMENT_MESSAGES = { 'zh-CN': zh, en } as const;

/**
 * Section headings in the language the platform's reviewers read (Chinese for
 * Chinese marketplaces, English for Amazon), whatever language the merchant's
 * screen is in: the statement is a document for the platform. The same
 * headings everywhere keep the character count the same on every page.
 */
export function statementHeadings(platform: string): Record<StatementSection, string> {
  const language = isPlatformId(platform) ? PLATFORMS[platform].documentLanguage : 'zh-CN';
  const sections = DOCUMENT_MESSAGES[language].statement.sections;
  return Object.fromEntries(STATEMENT_SECTIONS.map((s) => [s, sections[s].heading])) as Record<StatementSection, string>;
}

/** The statement as submitted, and its length against the platform's limit. */
export function statementText(c: CaseRecord) {
  const text = assembleStatement(statementValues(c), statementHeadings(c.platform));
  const limit = isPlatformId(c.platform) ? PLATFORMS[c.platform].statementMaxChars : PLATFORMS.other.statementMaxChars;
  return { text, count: charCount(text), limit };
}
