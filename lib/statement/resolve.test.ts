import { describe, expect, it } from 'vitest';
import { STATEMENT_SECTIONS, type StatementValues } from '@/lib/schemas/steps/statement';
import { exhibitKey } from './references';
import { printedText, referencedEvidence, resolveReferences, type ExhibitInfo } from './resolve';
import { referenceProblems } from './problems';
import { plainWords } from './words';

const words = plainWords({ exhibit: '（证据 {id}）', order: '订单 {orderNo}' });
const invoice: ExhibitInfo = { evidenceId: 'ev1', exhibitId: 'B-003', title: '增值税发票' };
const chat: ExhibitInfo = { evidenceId: 'ev2', exhibitId: 'C-001', title: '与买家的聊天' };

const values = (v: Partial<StatementValues>): StatementValues => ({ ...Object.fromEntries(STATEMENT_SECTIONS.map((s) => [s, ''])), ...v }) as StatementValues;

describe('resolveReferences', () => {
  it('finds keyed exhibits under their current id and marks deleted ones dangling', () => {
    const text = `发票${exhibitKey('ev1')}，聊天${exhibitKey('gone')}，[C-001]，[B-009]`;
    const refs = resolveReferences(text, [invoice, chat]).filter((s) => s.kind !== 'text');
    expect(refs.map((s) => (s.kind === 'exhibit' ? s.exhibit.exhibitId : s.kind))).toEqual(['B-003', 'dangling', 'C-001', 'dangling']);
    // Renumbered: the same key now names B-001.
    const renumbered = resolveReferences(text, [{ ...invoice, exhibitId: 'B-001' }, chat]);
    expect(renumbered.find((s) => s.kind === 'exhibit')).toMatchObject({ exhibit: { exhibitId: 'B-001' } });
  });

  it('prints exhibits with their ids, orders as numbers, and leaves dangling references out', () => {
    const text = `见${exhibitKey('ev1')}与[订单 3412]${exhibitKey('gone')}[已删除的证据]。`;
    expect(printedText(text, [invoice], words)).toBe('见（证据 B-003）与订单 3412。');
    expect(printedText(text, [], words)).toBe('见与订单 3412。');
  });

  it('lists the exhibits referred to', () => {
    expect([...referencedEvidence(`${exhibitKey('ev2')} [B-003] [B-003]`, [invoice, chat])].sort()).toEqual(['ev1', 'ev2']);
  });
});

describe('referenceProblems', () => {
  it('says nothing about an empty statement', () => {
    expect(referenceProblems(values({}), [invoice])).toEqual([]);
  });

  it('flags dangling references, paragraphs without proof and exhibits never mentioned, as advice', () => {
    const problems = referenceProblems(values({ whatHappened: `收到通知。\n发票在此${exhibitKey('ev1')}。`, whyGenuine: `见${exhibitKey('gone')}`, prevention: '以后加强审核。' }), [invoice, chat]);
    expect(problems.every((p) => p.severity === 'advice')).toBe(true);
    expect(problems.map((p) => p.message)).toEqual(['deletedReference', 'unprovenParagraph', 'unprovenParagraph', 'unmentionedExhibits']);
    // A deleted exhibit is named in words, never by its raw key.
    expect(problems[0]?.params).toBeUndefined();
    expect(problems[1]?.params).toEqual({ excerpt: '收到通知' });
    expect(problems[3]?.params).toEqual({ count: 1, ids: 'C-001' });
  });

  it('flags the deleted-exhibit token as the key it replaced, and a typed id no exhibit has by that id', () => {
    const problems = referenceProblems(values({ whatHappened: `发票${exhibitKey('ev1')}，见[已删除的证据]与[B-009]` }), [invoice]);
    expect(problems.map((p) => [p.message, p.params])).toEqual([
      ['deletedReference', undefined],
      ['danglingReference', { reference: 'B-009' }],
    ]);
  });

  it('quotes a paragraph without its closing punctuation, which the message supplies after the quote', () => {
    const excerpts = (...paragraphs: string[]) => referenceProblems(values({ whatHappened: paragraphs.join('\n') }), [invoice]).flatMap((p) => (p.message === 'unprovenParagraph' ? [p.params?.excerpt] : []));
    const long = `${'买家'.repeat(14)}下。之后又追加了一笔。`;
    expect(excerpts('收到通知。', 'Received the notice.', '真的吗？！', long, '。')).toEqual(['收到通知', 'Received the notice', '真的吗', `${'买家'.repeat(14)}下…`, '。']);
  });

  it('gives an edited paragraph a new code, so an old acknowledgement does not hide it', () => {
    const a = referenceProblems(values({ whatHappened: '收到通知。' }), [invoice]).find((p) => p.message === 'unprovenParagraph');
    const b = referenceProblems(values({ whatHappened: '收到平台通知。' }), [invoice]).find((p) => p.message === 'unprovenParagraph');
    expect(a?.code).not.toBe(b?.code);
  });

  it('asks nothing of paragraphs when the case has no exhibits', () => {
    expect(referenceProblems(values({ whatHappened: '收到通知。' }), [])).toEqual([]);
  });
});
