import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { STATEMENT_SECTION_MAX, statementSchema } from '@/lib/schemas/steps/statement';
import { exhibitKey, orderRef, parseReferences, toDisplay, toStored, typedLength } from './references';

const exhibits = [
  { evidenceId: 'ev1', exhibitId: 'B-003' },
  { evidenceId: 'ev2', exhibitId: 'C-001' },
];

describe('parseReferences', () => {
  it('reads typed, full-width and stored exhibit references and orders', () => {
    const segments = parseReferences('见[B-003]与【C-1】，[[ev:abc]]；［订单 3412-77］[Order: 111]');
    expect(segments.filter((s) => s.kind !== 'text')).toEqual([
      { kind: 'exhibitId', exhibitId: 'B-003', raw: '[B-003]' },
      { kind: 'exhibitId', exhibitId: 'C-001', raw: '【C-1】' },
      { kind: 'exhibitKey', evidenceId: 'abc', raw: '[[ev:abc]]' },
      { kind: 'order', orderNo: '3412-77', raw: '［订单 3412-77］' },
      { kind: 'order', orderNo: '111', raw: '[Order: 111]' },
    ]);
  });

  it('leaves malformed brackets and unknown letters as plain text', () => {
    for (const text of ['[B-003', 'B-003]', '[Z-003]', '[B003]', '【重要】', '[订单 ]', '[[ev:]]', '[B-]']) {
      expect(parseReferences(text)).toEqual([{ kind: 'text', text }]);
    }
  });

  it('keeps every character: the segments join back to the text', () => {
    const text = '甲[B-003]乙【订单 9】丙[B-00x]';
    const joined = parseReferences(text).map((s) => (s.kind === 'text' ? s.text : s.raw)).join('');
    expect(joined).toBe(text);
  });
});

describe('toStored / toDisplay', () => {
  it('stores typed ids of existing exhibits by key and shows keys as current ids', () => {
    const stored = toStored('见 [B-003] 和 【C-001】 与 [B-009]', exhibits);
    expect(stored).toBe(`见 ${exhibitKey('ev1')} 和 ${exhibitKey('ev2')} 与 [B-009]`);
    expect(toDisplay(stored, exhibits)).toBe('见 [B-003] 和 [C-001] 与 [B-009]');
  });

  it('follows renumbering: the same stored text shows the new id', () => {
    const stored = toStored('[B-003]', exhibits);
    expect(toDisplay(stored, [{ evidenceId: 'ev1', exhibitId: 'B-001' }])).toBe('[B-001]');
  });

  it('shows a deleted exhibit as words, which saving keeps as a reference with the text around it', () => {
    const stored = toStored('发票见[B-003]，聊天见[C-001]。', exhibits);
    const shown = toDisplay(stored, [exhibits[1]!]);
    expect(shown).toBe('发票见[已删除的证据]，聊天见[C-001]。');
    expect(shown).not.toContain('[[ev:');
    const saved = toStored(shown, [exhibits[1]!]);
    expect(saved).toBe(`发票见[已删除的证据]，聊天见${exhibitKey('ev2')}。`);
    expect(parseReferences(saved)[1]).toEqual({ kind: 'deleted', raw: '[已删除的证据]' });
    // Shown again, and in the merchant's other language, it stays what it is.
    expect(toDisplay(saved, [exhibits[1]!], '[deleted exhibit]')).toBe('发票见[已删除的证据]，聊天见[C-001]。');
    expect(toDisplay(stored, [], '[deleted exhibit]')).toBe('发票见[deleted exhibit]，聊天见[deleted exhibit]。');
  });

  it('reads the deleted-exhibit token of every language the editor speaks', () => {
    for (const locale of ['zh-CN', 'en']) {
      const messages = JSON.parse(readFileSync(path.join(process.cwd(), `lib/i18n/messages/${locale}.json`), 'utf8')) as { statementRefs: { deletedToken: string } };
      const token = messages.statementRefs.deletedToken;
      expect(parseReferences(`甲${token}乙`)[1], locale).toEqual({ kind: 'deleted', raw: token });
      expect(toDisplay(exhibitKey('gone'), [], token)).toBe(token);
    }
    // Typed with the brackets an input method gives, it is the same token; other words in brackets stay text.
    expect(parseReferences('【已删除的证据】')[0]).toMatchObject({ kind: 'deleted' });
    expect(parseReferences('[已删除]')).toEqual([{ kind: 'text', text: '[已删除]' }]);
  });

  it('writes orders in the document language', () => {
    expect(orderRef('3412', 'zh-CN')).toBe('[订单 3412]');
    expect(orderRef('3412', 'en')).toBe('[Order 3412]');
    expect(parseReferences(orderRef('A-1', 'en'))).toEqual([{ kind: 'order', orderNo: 'A-1', raw: '[Order A-1]' }]);
  });
});

describe('typedLength', () => {
  it('measures a section with stored references as the merchant typed it, so the cap holds after saving', () => {
    const key = exhibitKey('0b9f3c2e-5a7d-4e1b-9c3f-2d8e6a1b4c7d');
    const typed = `${'说明'.repeat(4_000)}${'[B-003]'.repeat(250)}`;
    const stored = typed.replaceAll('[B-003]', key);
    expect(typed.length).toBeLessThanOrEqual(STATEMENT_SECTION_MAX);
    expect(stored.length).toBeGreaterThan(STATEMENT_SECTION_MAX);
    expect(typedLength(stored)).toHaveLength(typed.length);
    const section = (text: string) => statementSchema.shape.whatHappened.safeParse(text).success;
    expect([section(stored), section(typedLength(stored))]).toEqual([false, true]);
  });
});
