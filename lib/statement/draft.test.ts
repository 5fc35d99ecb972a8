import { describe, expect, it } from 'vitest';
import { composeDraft, type DraftFacts } from './draft';

const NONE: DraftFacts = {
  language: 'zh-CN',
  noticeNumber: '',
  noticeDate: null,
  accusations: [],
  flaggedCount: 0,
  flaggedSample: [],
  coverage: { tracking: 0, logisticsProof: 0, chat: 0, invoice: 0, review: 0 },
  promotions: [],
  explanations: [],
  exhibits: [],
};
const ALL: DraftFacts = {
  ...NONE,
  noticeNumber: 'TM-2026-1187',
  noticeDate: new Date('2026-11-12T00:00:00Z'),
  accusations: ['promotionBurst', 'fakeTracking'],
  flaggedCount: 7,
  flaggedSample: ['3012345678901234801', '3012345678901234802'],
  coverage: { tracking: 7, logisticsProof: 0, chat: 2, invoice: 0, review: 0 },
  promotions: [{ name: '双十一大促', startsOn: new Date('2026-11-01T00:00:00Z'), endsOn: new Date('2026-11-11T00:00:00Z'), channels: '直播间', bursts: 3 }],
  explanations: [{ rule: 'sameAddress', text: '同一地址是公司前台代收。', orders: 4 }],
  exhibits: [
    { exhibitId: 'B-001', category: 'invoice', title: '进货发票' },
    { exhibitId: 'B-002', category: 'invoice', title: '' },
    { exhibitId: 'C-001', category: 'chat', title: '买家咨询' },
  ],
};

const text = (facts: DraftFacts) => Object.values(composeDraft(facts)?.sections ?? {}).filter(Boolean).join('\n');
const usedFacts = (facts: DraftFacts) => composeDraft(facts)?.used.map((u) => u.fact) ?? [];
// A template whose value was missing would leave these behind.
const PLACEHOLDER = /\{|\}|undefined|null|NaN|：。|: \.|“”|（）|\[\]|\n\n/;

/** Each fact: the sentence it gives with the fact present, and that it is gone without it. */
const FACTS: Array<{ name: string; without: Partial<DraftFacts>; says: RegExp; fact: string; needs?: Partial<DraftFacts> }> = [
  { name: 'notice number', without: { noticeNumber: '' }, says: /编号为 TM-2026-1187 的违规通知/, fact: 'noticeNumber' },
  { name: 'notice date', without: { noticeDate: null }, says: /2026年11月12日，本店收到/, fact: 'noticeDate' },
  { name: 'accusations', without: { accusations: [] }, says: /通知认定的情形：活动带来的订单激增、虚假或重复使用的物流单号。/, fact: 'accusations' },
  { name: 'flagged orders', without: { flaggedCount: 0, flaggedSample: [] }, says: /通知涉及 7 个订单：\[订单 3012345678901234801\]、\[订单 3012345678901234802\]等。/, fact: 'flaggedOrders' },
  { name: 'coverage', without: { coverage: NONE.coverage }, says: /在这 7 个订单中，7 个有可核验的物流单号、2 个附有与买家的聊天记录。/, fact: 'coverage', needs: { flaggedCount: 7 } },
  { name: 'promotions', without: { promotions: [] }, says: /2026年11月1日至2026年11月11日，本店开展“双十一大促”活动（渠道：直播间）。自查发现的 3 次订单高峰在这次活动期间。/, fact: 'promotions' },
  { name: 'explanations', without: { explanations: [] }, says: /关于自查发现的“.+”（涉及 4 个订单）：同一地址是公司前台代收。/, fact: 'explanations' },
  { name: 'evidence', without: { exhibits: [] }, says: /发票：\[B-001\] 进货发票；\[B-002\]。\n聊天记录：\[C-001\] 买家咨询。/, fact: 'evidence' },
];

describe('composeDraft', () => {
  it('offers nothing when the case holds no fact to write from', () => {
    expect(composeDraft(NONE)).toBeNull();
    expect(composeDraft({ ...NONE, explanations: [{ rule: 'sameIp', text: '   ', orders: 2 }], promotions: [{ ...ALL.promotions[0]!, name: ' ' }] })).toBeNull();
  });

  it('leaves no empty placeholder whatever fact is missing', () => {
    expect(text(ALL)).not.toMatch(PLACEHOLDER);
    for (const { without } of FACTS) expect(text({ ...ALL, ...without })).not.toMatch(PLACEHOLDER);
  });

  for (const { name, without, says, fact, needs } of FACTS) {
    it(`says the ${name} when known, and nothing about it when not`, () => {
      expect(text(ALL)).toMatch(says);
      expect(usedFacts(ALL)).toContain(fact);
      const rest = { ...ALL, ...without };
      expect(text(rest)).not.toMatch(says);
      expect(usedFacts(rest)).not.toContain(fact);
    });

    it(`writes the ${name} alone into an otherwise empty case`, () => {
      const only = { ...NONE, ...needs, ...Object.fromEntries(Object.keys(without).map((k) => [k, ALL[k as keyof DraftFacts]])) } as DraftFacts;
      expect(usedFacts(only)).toContain(fact);
      expect(text(only)).not.toMatch(PLACEHOLDER);
    });
  }

  it('words the notice by what is known of it', () => {
    expect(text({ ...NONE, noticeNumber: 'X-1' })).toBe('本店收到平台编号为 X-1 的违规通知。');
    expect(text({ ...NONE, noticeDate: ALL.noticeDate })).toBe('2026年11月12日，本店收到平台的违规通知。');
  });

  it('names a promotion without channels or peaks in no more than it knows', () => {
    const p = { ...ALL.promotions[0]!, channels: '', bursts: 0 };
    expect(composeDraft({ ...NONE, promotions: [p] })?.sections.context).toBe('2026年11月1日至2026年11月11日，本店开展“双十一大促”活动。');
  });

  it('writes in English for an English-reading platform, references in place', () => {
    const draft = composeDraft({ ...ALL, language: 'en' });
    expect(draft?.sections.whatHappened).toBe(
      "On November 12, 2026, the shop received the platform's notice no. TM-2026-1187. The notice concerns: A burst of orders from a promotion, Fake or reused tracking numbers. It names 7 orders: [Order 3012345678901234801], [Order 3012345678901234802], and 5 more.",
    );
    expect(draft?.sections.evidence).toContain('Invoices: [B-001] 进货发票; [B-002].');
    expect(draft?.sections.whyGenuine).toContain('Of these 7 orders, 7 have a verifiable tracking number, 2 have a chat log with the buyer.');
  });

  it('keeps required sections from the facts and leaves prevention to the merchant', () => {
    const draft = composeDraft(ALL);
    expect(draft?.sections.prevention).toBe('');
    expect(draft?.sections.whatHappened).not.toBe('');
    expect(draft?.sections.evidence).toMatch(/^随本说明附上 3 份证据/);
  });
});
