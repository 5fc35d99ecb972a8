import { createTranslator } from 'use-intl/core';
import { DOCUMENT_MESSAGES } from '@/lib/i18n/document-messages';
import { findingMessageParams } from '@/lib/audit/finding-params';
import { EVIDENCE_CATEGORIES, type EvidenceCategory } from '@/lib/evidence/categories';
import { EVIDENCE_KINDS } from '@/lib/orders/coverage';
import { toChinaLocalInput } from '@/lib/schemas/china-time';
import type { BundleData } from './collect';
import { checklistWords } from './checklist-page';

type Translate = (key: string, params?: Record<string, unknown>) => string;

/**
 * The bundle's words, in the language the platform's reviewers read (not the
 * merchant's screen language), from the same message files as the app.
 */
export function bundleText(data: BundleData) {
  const { language } = data;
  const messages = DOCUMENT_MESSAGES[language];
  const t = createTranslator({ locale: language, messages: messages as unknown as Record<string, never> }) as unknown as Translate;
  const b: Translate = (key, params) => t(`bundle.${key}`, params);
  /** The self-audit charts' words (lib/charts/words.ts), shared with the audit step. */
  const chart: Translate = (key, params) => t(`charts.${key}`, params);
  const categoryName = (c: EvidenceCategory) => t(`evidence.categories.${c}.name`);
  const coverageKind = (k: (typeof EVIDENCE_KINDS)[number]) => t(`logistics.coverage.kinds.${k}`);
  // The self-audit's words, parallel to data.audit: a title per rule, a line per finding. (The
  // rules' "why" texts advise the merchant, so they stay out of a document for the reviewer.)
  const audit = data.audit.map((g) => ({
    title: t(`audit.rules.${g.rule}.title`),
    findings: g.findings.map((f) => ({ detail: t(`audit.rules.${f.rule}.detail`, findingMessageParams(f, money)), severity: t(`audit.severity.${f.severity}`) })),
  }));
  const platformName = t(`platforms.${data.case.platform}`);
  const volume = (n: number) => volumeNumeral(n, language);
  const checklist = checklistWords(t, data.checklist);
  /** Every word the code itself draws, for the font subset (the exhibits' own text is added apart). */
  const characters = [
    JSON.stringify(data),
    JSON.stringify(messages.bundle),
    JSON.stringify(messages.charts),
    platformName,
    ...EVIDENCE_CATEGORIES.map(categoryName),
    ...EVIDENCE_KINDS.map(coverageKind),
    ...audit.flatMap((g) => [g.title, ...g.findings.flatMap((f) => [f.detail, f.severity])]),
    '〇一二三四五六七八九十',
    ...(checklist ? [...checklist.accusations, ...checklist.requirements.values()] : []),
  ].join('');
  return { language, b, chart, categoryName, coverageKind, audit, platformName, volume, checklist, characters };
}
export type BundleText = ReturnType<typeof bundleText>;

const CN_NUMERALS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 卷二 in Chinese, Volume 2 in English. */
export function volumeNumeral(n: number, language: 'zh-CN' | 'en'): string {
  if (language === 'en' || n >= 20) return String(n);
  if (n <= 10) return CN_NUMERALS[n] ?? String(n);
  return `十${CN_NUMERALS[n - 10]}`;
}

export const chinaTime = (d: Date | null) => toChinaLocalInput(d).replace('T', ' ');
export const money = (cents: number | null) => (cents === null ? '' : `¥${(cents / 100).toFixed(2)}`);

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
