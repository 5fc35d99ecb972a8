import { describe, expect, it } from 'vitest';
import { basicsValues } from '@/lib/cases/snapshot';
import { completeCase } from '@/lib/testing/case-record';
import { fieldErrorCodes } from '../errors';
import { basicsDraftSchema, basicsSchema, isPhoneNumber, type BasicsValues } from './basics';

const valid: BasicsValues = basicsValues(completeCase());
const errorsOf = (v: Partial<BasicsValues>) => {
  const parsed = basicsSchema.safeParse({ ...valid, ...v });
  return parsed.success ? {} : fieldErrorCodes(parsed.error);
};

describe('basics draft (what autosave keeps)', () => {
  it('accepts any partial, even not-yet-valid input, so nothing typed is lost', () => {
    expect(basicsDraftSchema.parse({ contactPhone: '138' })).toEqual({ contactPhone: '138' });
    expect(basicsDraftSchema.parse({ shopName: '  带空格 ' }).shopName).toBe('  带空格 ');
    expect(basicsDraftSchema.parse({ noticeDate: '' }).noticeDate).toBeNull();
  });

  it('refuses what no input could produce: over-long text, impossible dates, unknown platforms', () => {
    expect(basicsDraftSchema.safeParse({ shopName: 'x'.repeat(61) }).success).toBe(false);
    expect(basicsDraftSchema.safeParse({ noticeDate: '2026-02-30' }).success).toBe(false);
    expect(basicsDraftSchema.safeParse({ platform: 'ebay' }).success).toBe(false);
  });
});

describe('basics (complete)', () => {
  it('passes a complete case', () => {
    expect(errorsOf({})).toEqual({});
  });

  it('names every missing required field', () => {
    expect(errorsOf({ shopName: ' ', shopId: '', incidentKind: '', noticeDate: '', appealDeadline: '', contactName: '', contactPhone: '' })).toEqual({
      shopName: 'required',
      shopId: 'required',
      incidentKind: 'required',
      noticeDate: 'required',
      appealDeadline: 'required',
      contactName: 'required',
      contactPhone: 'required',
    });
  });

  it('lets the notice number be empty but not malformed', () => {
    expect(errorsOf({ noticeNumber: '' })).toEqual({});
    expect(errorsOf({ noticeNumber: 'A\u202EB' })).toEqual({ noticeNumber: 'controlChars' });
  });

  it('refuses a deadline before the notice', () => {
    expect(errorsOf({ noticeDate: '2026-11-20', appealDeadline: '2026-11-19' })).toEqual({ appealDeadline: 'deadlineBeforeNotice' });
    expect(errorsOf({ noticeDate: '2026-11-20', appealDeadline: '2026-11-20' })).toEqual({});
  });

  it('asks for a description only when the incident is "other"', () => {
    expect(errorsOf({ incidentKind: 'other', incidentDetail: '  ' })).toEqual({ incidentDetail: 'required' });
    expect(errorsOf({ incidentKind: 'other', incidentDetail: '平台客服电话通知' })).toEqual({});
    expect(errorsOf({ incidentKind: 'policeInquiry', incidentDetail: '' })).toEqual({});
  });

  it('keeps HTML as text and refuses control characters', () => {
    expect(errorsOf({ shopName: '<img src=x onerror=alert(1)>' })).toEqual({});
    expect(errorsOf({ contactName: '王\u0007小明' })).toEqual({ contactName: 'controlChars' });
    expect(errorsOf({ shopId: '123\n456' })).toEqual({ shopId: 'controlChars' });
  });

  it('takes the notice text as pasted: optional, line breaks and tabs kept, up to 10,000 characters', () => {
    expect(errorsOf({ noticeText: '' })).toEqual({});
    const pasted = '【违规通知】尊敬的商家：\r\n\t您的店铺存在虚假交易行为。\r\n涉及订单：4012345678901234567';
    expect(errorsOf({ noticeText: pasted })).toEqual({});
    expect(basicsDraftSchema.parse({ noticeText: pasted }).noticeText).toBe(pasted);
    expect(errorsOf({ noticeText: '通'.repeat(10_000) })).toEqual({});
    expect(errorsOf({ noticeText: '通'.repeat(10_001) })).toEqual({ noticeText: 'tooLong' });
    expect(basicsDraftSchema.safeParse({ noticeText: '通'.repeat(10_001) }).success).toBe(false);
    // Counted as a person counts characters: 10,000 supplementary-plane characters fit.
    expect(errorsOf({ noticeText: '𠀀'.repeat(10_000) })).toEqual({});
    expect(errorsOf({ noticeText: '通知\u202E文' })).toEqual({ noticeText: 'controlChars' });
  });
});

describe('isPhoneNumber', () => {
  it.each(['13812345678', '138 1234 5678', '+86 138-1234-5678', '008613812345678', '0571-88886666', '010 12345678', '+1 206 555 0100', '+44 20 7946 0958'])(
    'accepts %s',
    (phone) => expect(isPhoneNumber(phone)).toBe(true),
  );
  it.each(['12345', '12812345678', '1381234567', '138123456789', 'phone', '+0 123456789', '88886666'])('refuses %s', (phone) =>
    expect(isPhoneNumber(phone)).toBe(false),
  );
});
