import { createTranslator } from 'use-intl/core';
import { DOCUMENT_MESSAGES, type DocumentLanguage } from '@/lib/i18n/document-messages';

type Params = Record<string, string | number>;
export type Translate = (key: string, params?: Params) => string;

/** The draft's words, in the document language, from the same message files as the app. */
export function draftWords(language: DocumentLanguage) {
  const messages = DOCUMENT_MESSAGES[language];
  const t = createTranslator({ locale: language, messages: messages as unknown as Record<string, never> }) as unknown as Translate;
  const doc = messages.statementDraft.document;
  const dateFormat = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' });
  return {
    /** A template of statementDraft.document. */
    s: (key: string, params?: Params) => t(`statementDraft.document.${key}`, params),
    t,
    /** Calendar dates are stored as UTC midnight (lib/schemas/dates.ts): read in UTC, they keep their day. */
    date: (d: Date) => dateFormat.format(d),
    list: (items: readonly string[]) => items.join(doc.listSeparator),
    items: (items: readonly string[]) => items.join(doc.itemSeparator),
    /** Chinese sentences follow each other directly; English ones after a space. */
    sentences: (items: readonly string[]) => items.join(language === 'en' ? ' ' : ''),
  };
}
export type DraftWords = ReturnType<typeof draftWords>;
