import en from './messages/en.json';
import zh from './messages/zh-CN.json';

/**
 * The message files by document language: what the platform's reviewers read
 * (the statement, the bundle, the manifest), whatever the merchant's screen language.
 */
export const DOCUMENT_MESSAGES = { 'zh-CN': zh, en } as const;
export type DocumentLanguage = keyof typeof DOCUMENT_MESSAGES;
