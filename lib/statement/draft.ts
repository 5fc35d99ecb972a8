import type { RuleId } from '@/lib/audit/types';
import type { EvidenceCategory } from '@/lib/evidence/categories';
import type { DocumentLanguage } from '@/lib/i18n/document-messages';
import { EVIDENCE_KINDS, type EvidenceKind } from '@/lib/orders/coverage';
import type { AccusationKind } from '@/lib/platforms/accusations';
import type { StatementValues } from '@/lib/schemas/steps/statement';
import { exhibitRef, orderRef } from './references';
import { draftWords, type DraftWords } from './draft-words';

/** What the case knows that a statement can say: the draft's only source (lib/statement/draft-data.ts reads it). */
export type DraftFacts = {
  language: DocumentLanguage;
  noticeNumber: string;
  /** A calendar date (UTC midnight), or null when not given. */
  noticeDate: Date | null;
  accusations: AccusationKind[];
  flaggedCount: number;
  /** The first flagged orders, cited one by one; the rest are counted. */
  flaggedSample: string[];
  /** Flagged orders having each kind of proof (lib/orders/coverage.ts). */
  coverage: Record<EvidenceKind, number>;
  /** Declared promotions, each with the self-check's order peaks that fall within it. */
  promotions: Array<{ name: string; startsOn: Date; endsOn: Date; channels: string; bursts: number }>;
  /** The merchant's explanations of self-check findings that go into the bundle, with the orders they cover. */
  explanations: Array<{ rule: RuleId; text: string; orders: number }>;
  /** Exhibits in bundle order. */
  exhibits: Array<{ exhibitId: string; category: EvidenceCategory; title: string }>;
};

/** A fact the draft used, for the list the merchant sees beside the offer. */
export type UsedFact =
  | { fact: 'noticeNumber' | 'noticeDate'; value: string }
  | { fact: 'accusations'; kinds: AccusationKind[] }
  | { fact: 'flaggedOrders'; count: number; shown: number }
  | { fact: 'coverage'; kinds: EvidenceKind[] }
  | { fact: 'promotions'; count: number; bursts: number }
  | { fact: 'explanations'; count: number }
  | { fact: 'evidence'; count: number; categories: number };

export type Draft = { sections: StatementValues; used: UsedFact[] };

/** What the statement step offers: the draft, its language, and whether the self-check was still running. */
export type DraftOffer = { draft: Draft; language: DocumentLanguage; auditPending: boolean };

/**
 * A starting statement written from templates and the case's facts only: each sentence is there
 * because its fact is (a missing notice number gives no "notice no. …", not an empty one), and
 * `used` says which facts went in. Null when the case holds nothing to write from.
 */
export function composeDraft(facts: DraftFacts): Draft | null {
  const w = draftWords(facts.language);
  const used: UsedFact[] = [];
  const what = [notice(facts, w, used), accusations(facts, w, used), flagged(facts, w, used)];
  const why = [coverage(facts, w, used), ...explanations(facts, w, used)];
  const sections: StatementValues = {
    whatHappened: w.sentences(what.filter(present)),
    whyGenuine: why.filter(present).join('\n'),
    evidence: evidence(facts, w, used),
    context: promotions(facts, w, used).join('\n'),
    prevention: '',
  };
  return used.length > 0 ? { sections, used } : null;
}

const present = (s: string | null): s is string => s !== null && s !== '';

function notice({ noticeNumber, noticeDate }: DraftFacts, w: DraftWords, used: UsedFact[]): string | null {
  const number = noticeNumber.trim();
  if (number) used.push({ fact: 'noticeNumber', value: number });
  if (noticeDate) used.push({ fact: 'noticeDate', value: noticeDate.toISOString().slice(0, 10) });
  if (number && noticeDate) return w.s('noticeBoth', { number, date: w.date(noticeDate) });
  if (number) return w.s('noticeNumber', { number });
  return noticeDate ? w.s('noticeDate', { date: w.date(noticeDate) }) : null;
}

function accusations({ accusations: kinds }: DraftFacts, w: DraftWords, used: UsedFact[]): string | null {
  if (kinds.length === 0) return null;
  used.push({ fact: 'accusations', kinds });
  return w.s('accusations', { kinds: w.list(kinds.map((k) => w.t(`checklists.accusations.${k}`))) });
}

function flagged({ flaggedCount, flaggedSample, language }: DraftFacts, w: DraftWords, used: UsedFact[]): string | null {
  if (flaggedCount === 0 || flaggedSample.length === 0) return null;
  used.push({ fact: 'flaggedOrders', count: flaggedCount, shown: flaggedSample.length });
  const orders = w.list(flaggedSample.map((no) => orderRef(no, language)));
  return w.s('flagged', { count: flaggedCount, orders, more: flaggedCount - flaggedSample.length });
}

function coverage({ coverage: counts, flaggedCount }: DraftFacts, w: DraftWords, used: UsedFact[]): string | null {
  const kinds = EVIDENCE_KINDS.filter((k) => counts[k] > 0);
  if (flaggedCount === 0 || kinds.length === 0) return null;
  used.push({ fact: 'coverage', kinds });
  const parts = kinds.map((k) => w.s(`coverageParts.${k}`, { count: counts[k] }));
  return w.s('coverage', { total: flaggedCount, parts: w.list(parts) });
}

function explanations(facts: DraftFacts, w: DraftWords, used: UsedFact[]): string[] {
  const notes = facts.explanations.filter((e) => e.text.trim() !== '');
  if (notes.length === 0) return [];
  used.push({ fact: 'explanations', count: notes.length });
  return notes.map((e) => w.s('explanation', { title: w.t(`audit.rules.${e.rule}.title`), count: e.orders, text: e.text.trim() }));
}

function promotions(facts: DraftFacts, w: DraftWords, used: UsedFact[]): string[] {
  const named = facts.promotions.filter((p) => p.name.trim() !== '');
  if (named.length === 0) return [];
  used.push({ fact: 'promotions', count: named.length, bursts: named.reduce((sum, p) => sum + p.bursts, 0) });
  return named.map((p) => {
    const params = { name: p.name.trim(), start: w.date(p.startsOn), end: w.date(p.endsOn), channels: p.channels.trim() };
    const ran = w.s(params.channels ? 'promotionChannels' : 'promotion', params);
    return w.sentences(p.bursts > 0 ? [ran, w.s('promotionBursts', { count: p.bursts })] : [ran]);
  });
}

function evidence({ exhibits }: DraftFacts, w: DraftWords, used: UsedFact[]): string {
  if (exhibits.length === 0) return '';
  const byCategory = new Map<EvidenceCategory, string[]>();
  for (const x of exhibits) {
    const item = x.title.trim() ? `${exhibitRef(x.exhibitId)} ${x.title.trim()}` : exhibitRef(x.exhibitId);
    byCategory.set(x.category, [...(byCategory.get(x.category) ?? []), item]);
  }
  used.push({ fact: 'evidence', count: exhibits.length, categories: byCategory.size });
  const lines = [...byCategory].map(([category, items]) => w.s('evidenceCategory', { category: w.t(`evidence.categories.${category}.name`), items: w.items(items) }));
  return [w.s('evidenceIntro', { count: exhibits.length }), ...lines].join('\n');
}
