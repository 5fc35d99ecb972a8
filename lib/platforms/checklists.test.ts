import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '@/lib/i18n/messages/en.json';
import zh from '@/lib/i18n/messages/zh-CN.json';
import { ACCUSATION_KINDS } from './accusations';
import { checklist, combinedChecklist, REQUIREMENT_IDS } from './checklists';
import { PLATFORM_IDS } from './profiles';

// The crawl's notes, with line breaks folded: a cited line may wrap there.
// The team's record of the platforms' rules lives beside the checkout (CI has it there too).
const facts = readFileSync(path.join(import.meta.dirname, '../../../shared/PLATFORMS.md'), 'utf8').replace(/\s+/g, ' ');
const every = PLATFORM_IDS.flatMap((platform) => ACCUSATION_KINDS.map((accusation) => ({ platform, accusation })));

describe('checklists', () => {
  it.each(every)('$platform / $accusation has requirements, each once', ({ platform, accusation }) => {
    const ids = checklist(platform, accusation).map((requirement) => requirement.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('cites a source or says it is our default, never both, never neither', () => {
    for (const { platform, accusation } of every) {
      for (const requirement of checklist(platform, accusation)) {
        expect(Boolean(requirement.source) !== Boolean(requirement.default), `${platform}/${accusation}/${requirement.id}`).toBe(true);
        expect(requirement.categories.length).toBeGreaterThan(0);
      }
    }
  });

  it('cites only what PLATFORMS.md records: address, titles, date and the line itself', () => {
    const sources = every.flatMap(({ platform, accusation }) => checklist(platform, accusation).flatMap((r) => (r.source ? [r.source] : [])));
    expect(sources.length).toBeGreaterThan(0);
    for (const { document, says } of sources) {
      for (const text of [document.url, document.date, ...document.titles, says]) if (text) expect(facts).toContain(text);
    }
  });

  it('has the rule-backed items the issue names', () => {
    const sourced = (platform: 'douyin' | 'tmall' | 'amazon', accusation: (typeof ACCUSATION_KINDS)[number]) =>
      checklist(platform, accusation).filter((r) => r.source).map((r) => `${r.id}:${r.scope}`);
    expect(sourced('douyin', 'realGoods')).toEqual(expect.arrayContaining(['waybillWithWeight:perOrder', 'promotionPerOrder:perOrder']));
    expect(sourced('douyin', 'emptyParcel')).toEqual(['packingVideo:perOrder', 'courierCertificate:perOrder', 'weighingPhotos:perOrder']);
    expect(sourced('tmall', 'controlledAccounts')).toEqual(['realShopping:perOrder', 'abnormalityExplained:case']);
    expect(sourced('amazon', 'realGoods')).toEqual(['unalteredInvoices:case']);
    // The Amazon invoice rule is known only second-hand: it must say so.
    expect(checklist('amazon', 'realGoods')[0]?.source?.document.primary).toBe(false);
  });

  it('gives platforms that publish nothing only defaults', () => {
    for (const platform of ['taobao', 'jd', 'pinduoduo', 'kuaishou', 'other'] as const) {
      for (const accusation of ACCUSATION_KINDS) expect(checklist(platform, accusation).every((r) => r.default)).toBe(true);
    }
    // Douyin publishes no list for controlled accounts.
    expect(checklist('douyin', 'controlledAccounts').every((r) => r.default)).toBe(true);
  });

  it('names every requirement and accusation in both languages', () => {
    for (const messages of [zh, en]) {
      expect(Object.keys(messages.checklists.requirements).sort()).toEqual([...REQUIREMENT_IDS].sort());
      expect(Object.keys(messages.checklists.accusations).sort()).toEqual([...ACCUSATION_KINDS].sort());
    }
  });
});

describe('combinedChecklist', () => {
  it('lists a requirement two accusations share once, naming both', () => {
    const items = combinedChecklist('douyin', ['promotionBurst', 'realGoods']);
    const ids = items.map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(items.find((item) => item.id === 'promotionPerOrder')?.accusations).toEqual(['realGoods', 'promotionBurst']);
    expect(items.find((item) => item.id === 'waybillWithWeight')?.accusations).toEqual(['realGoods']);
  });

  it('means one requirement by one id within a platform, so merging loses nothing', () => {
    for (const platform of PLATFORM_IDS) {
      const byId = new Map<string, unknown>();
      for (const requirement of ACCUSATION_KINDS.flatMap((accusation) => checklist(platform, accusation))) {
        if (byId.has(requirement.id)) expect(requirement, `${platform}/${requirement.id}`).toEqual(byId.get(requirement.id));
        byId.set(requirement.id, requirement);
      }
    }
  });

  it('is empty when no accusation is chosen', () => {
    expect(combinedChecklist('tmall', [])).toEqual([]);
  });
});
