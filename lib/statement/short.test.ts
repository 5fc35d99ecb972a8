import { describe, expect, it } from 'vitest';
import { charCount } from '@/lib/schemas/text';
import type { StatementValues } from '@/lib/schemas/steps/statement';
import { shortVersion } from './short';

const values = (v: Partial<StatementValues>): StatementValues => ({ whatHappened: '', whyGenuine: '', evidence: '', context: '', prevention: '', ...v });

const ZH = values({
  whatHappened: '2026年11月12日，本店收到平台编号为 TM-2026-1187 的违规通知。通知涉及 3 个订单：[订单 3012345678901234801]、[订单 3012345678901234802]。',
  whyGenuine: '这些订单来自双十一活动期间的真实买家 👨‍👩‍👧‍👦，均已付款、发货并签收。买家 😀 此前在本店有购买记录。',
  evidence: '发票：[B-001] 进货发票；[B-002] 增值税发票。聊天记录：[C-001] 买家咨询。物流凭证：[E-001] 签收记录。',
  context: '11 月 1 日至 11 日店铺参加平台大促并在直播间推广，日均访客由约 300 人增至约 2,000 人。',
  prevention: '已对客服进行培训，不再引导买家修改评价；大促前将提前向平台报备活动信息。',
});
const EN = values({
  whatHappened: 'On 12 November 2026 the shop received notice no. A-77. It names [Order 113-55] and [Order 113-56].',
  whyGenuine: 'Real buyers paid and signed for every parcel. The combining é and the flag 🇨🇳 stay whole.',
  evidence: 'Invoices: [B-001], [B-002]. Chat logs: [C-001].',
});

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const graphemes = (s: string) => Array.from(segmenter.segment(s), (g) => g.segment);
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// Every bare reference the output may hold, written whole.
const FULL_REFS = ['订单 3012345678901234801', '订单 3012345678901234802', 'B-001', 'B-002', 'C-001', 'E-001', 'Order 113-55', 'Order 113-56'];

describe('shortVersion', () => {
  it('keeps a statement that fits whole, references bare, the pointer to the bundle at the end', () => {
    const short = shortVersion(EN, { limit: 1000, language: 'en' });
    expect(short.complete).toBe(true);
    expect(short.text).toContain('It names Order 113-55 and Order 113-56.');
    expect(short.text).toContain('Invoices: B-001, B-002.');
    expect(short.text).not.toMatch(/[[\]]/);
    expect(short.text.endsWith('\nSee the evidence bundle')).toBe(true);
    expect(short.count).toBe(charCount(short.text));
  });

  it('puts the required sections first and ends Chinese text with 详见证据包', () => {
    const short = shortVersion(ZH, { limit: 1000, language: 'zh-CN' });
    const lines = short.text.split('\n');
    expect(lines[0]).toMatch(/^2026年11月12日/);
    expect(lines[1]).toMatch(/^这些订单/);
    expect(lines[2]).toMatch(/^发票：B-001 进货发票/);
    expect(lines[3]).toMatch(/^11 月 1 日/);
    expect(lines.at(-1)).toBe('详见证据包');
  });

  it('gives each required section room before any optional one when they do not all fit', () => {
    const short = shortVersion(ZH, { limit: 120, language: 'zh-CN' });
    expect(short.complete).toBe(false);
    const lines = short.text.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toMatch(/^发票/);
    expect(short.text).not.toContain('大促');
  });

  it('writes a reference kept by evidence id as its current exhibit id, and leaves out a deleted one', () => {
    const short = shortVersion(values({ evidence: '发票见 [[ev:abc]] 和 [[ev:gone]]。' }), { limit: 200, language: 'zh-CN', refs: { exhibitIds: { abc: 'B-004' } } });
    expect(short.text).toBe('发票见 B-004 和 。\n详见证据包');
  });

  it('reads references as the statement grammar does: full-width brackets, typed order numbers', () => {
    expect(shortVersion(values({ whatHappened: '见【B-3】与［订单：3012］。' }), { limit: 200, language: 'zh-CN' }).text).toBe('见B-003与订单 3012。\n详见证据包');
  });

  it('returns nothing rather than something over a limit shorter than the pointer itself', () => {
    expect(shortVersion(ZH, { limit: 3, language: 'zh-CN' }).text).toBe('');
    expect(shortVersion(ZH, { limit: 5, language: 'zh-CN' }).text).toBe('详见证据包');
  });

  for (const [name, input, language] of [
    ['Chinese with emoji and order references', ZH, 'zh-CN'],
    ['English with combining marks and flags', EN, 'en'],
  ] as const) {
    it(`never goes over the limit nor splits a character or a reference (${name}, every limit 0…400)`, () => {
      const source = graphemes(Object.values(input).join('')).concat(FULL_REFS, ['…', '\n']);
      const allowed = new Set(source);
      for (let limit = 0; limit <= 400; limit++) {
        const { text, count } = shortVersion(input, { limit, language });
        expect(count).toBeLessThanOrEqual(limit);
        expect(charCount(text)).toBe(count);
        expect(text).not.toMatch(LONE_SURROGATE);
        // Each grapheme of the output is one of the input's (an emoji family is never half a family).
        const body = text.replace(/\n?(详见证据包|See the evidence bundle)$/, '');
        // With every whole reference taken out, no piece of one is left.
        const withoutRefs = FULL_REFS.reduce((t, ref) => t.split(ref).join(''), body);
        expect(withoutRefs).not.toMatch(/订单 \d|Order 1|[BCE]-0/);
        for (const g of graphemes(withoutRefs)) expect(allowed.has(g), `${limit}: ${g}`).toBe(true);
        if (limit >= charCount(language === 'en' ? 'See the evidence bundle' : '详见证据包')) expect(text).toMatch(/(详见证据包|See the evidence bundle)$/);
      }
    });
  }
});
