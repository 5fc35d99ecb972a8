import { describe, expect, it } from 'vitest';
import { checklistReasonSchema, MAX_REASON_CHARS, parseChecklistReasons, parseRequirementIds, requirementTicksSchema } from './checklist';

const base = { caseId: 'c1', evidenceId: 'e1', mode: 'custom', shown: ['shippingProof', 'buyerChats'] };

describe('requirementTicksSchema', () => {
  it('accepts known requirement ids and refuses unknown ones', () => {
    expect(requirementTicksSchema.safeParse({ ...base, ticked: ['buyerChats'] }).success).toBe(true);
    expect(requirementTicksSchema.safeParse({ ...base, ticked: ['madeUp'] }).success).toBe(false);
    expect(requirementTicksSchema.safeParse({ ...base, ticked: [], shown: ['__proto__'] }).success).toBe(false);
    expect(requirementTicksSchema.safeParse({ ...base, ticked: [], mode: 'other' }).success).toBe(false);
  });
});

describe('checklistReasonSchema', () => {
  const reason = (text: string) => checklistReasonSchema.safeParse({ caseId: 'c1', requirementId: 'packingVideo', reason: text });
  it('trims a reason, lets an empty one through (to remove it) and caps its length', () => {
    expect(reason('  老仓库没有装摄像头  ')).toMatchObject({ success: true, data: { reason: '老仓库没有装摄像头' } });
    expect(reason('   ')).toMatchObject({ success: true, data: { reason: '' } });
    expect(reason('字'.repeat(MAX_REASON_CHARS)).success).toBe(true);
    expect(reason('字'.repeat(MAX_REASON_CHARS + 1)).error?.issues[0]?.message).toBe('tooLong');
    expect(reason('a\u202Eb').success).toBe(false);
  });
  it('refuses a requirement that does not exist', () => {
    expect(checklistReasonSchema.safeParse({ caseId: 'c1', requirementId: 'madeUp', reason: 'x' }).success).toBe(false);
  });
});

describe('stored values', () => {
  it('reads null or unreadable ticks as "the category default", dropping unknown ids', () => {
    expect(parseRequirementIds(null)).toBeNull();
    expect(parseRequirementIds('not json')).toBeNull();
    expect(parseRequirementIds('[]')).toEqual([]);
    expect(parseRequirementIds('["buyerChats","gone"]')).toEqual(['buyerChats']);
  });
  it('reads reasons by known id, dropping blanks and anything that is not text', () => {
    expect(parseChecklistReasons('{"packingVideo":"没有监控","gone":"x","buyerChats":" ","shippingProof":3}')).toEqual({ packingVideo: '没有监控' });
    expect(parseChecklistReasons('[1]')).toEqual({});
    expect(parseChecklistReasons('')).toEqual({});
  });
});
