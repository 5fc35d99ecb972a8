import { describe, expect, it } from 'vitest';
import { fieldErrorCodes } from '../errors';
import { assembleStatement, charCount, parseStatement, statementDraftSchema, statementSchema, STATEMENT_SECTIONS, type StatementValues } from './statement';

const headings = Object.fromEntries(STATEMENT_SECTIONS.map((s, i) => [s, `${i + 1}、${s}`])) as Record<(typeof STATEMENT_SECTIONS)[number], string>;
const empty: StatementValues = { whatHappened: '', whyGenuine: '', evidence: '', context: '', prevention: '' };

describe('statement', () => {
  it('assembles non-empty sections in order under their headings', () => {
    const text = assembleStatement({ ...empty, evidence: ' 发票 ', whatHappened: '收到通知\n第二行' }, headings);
    expect(text).toBe('1、whatHappened\n收到通知\n第二行\n\n3、evidence\n发票');
  });

  it('counts characters as people do, astral ones included', () => {
    expect(charCount('𠀀申诉')).toBe(3);
  });

  it('requires the first three sections only', () => {
    const parsed = statementSchema.safeParse({ ...empty, whatHappened: 'a' });
    expect(parsed.success ? {} : fieldErrorCodes(parsed.error)).toEqual({ whyGenuine: 'required', evidence: 'required' });
    expect(statementSchema.safeParse({ ...empty, whatHappened: 'a', whyGenuine: 'b', evidence: 'c' }).success).toBe(true);
  });

  it('allows line breaks but not other control characters', () => {
    const base = { ...empty, whyGenuine: 'b', evidence: 'c' };
    expect(statementSchema.safeParse({ ...base, whatHappened: '第一行\n\t第二行' }).success).toBe(true);
    const bad = statementSchema.safeParse({ ...base, whatHappened: 'x\u202Ey' });
    expect(bad.success ? {} : fieldErrorCodes(bad.error)).toEqual({ whatHappened: 'controlChars' });
  });

  it('keeps a long draft (flagged later) but not an absurd one', () => {
    expect(statementDraftSchema.safeParse({ context: 'x'.repeat(5000) }).success).toBe(true);
    expect(statementDraftSchema.safeParse({ context: 'x'.repeat(10_001) }).success).toBe(false);
  });

  it('reads stored JSON leniently', () => {
    expect(parseStatement('not json')).toEqual(empty);
    expect(parseStatement('{"whatHappened":"a","bogus":"b","evidence":3}')).toEqual({ ...empty, whatHappened: 'a' });
  });
});
