import { describe, expect, it } from 'vitest';
import { signInSchema, signUpSchema } from './auth';
import { createCaseSchema, renameCaseSchema } from './case';
import { fieldErrorCodes } from './errors';

function errorsOf(result: { success: boolean; error?: unknown }) {
  if (result.success) return {};
  return fieldErrorCodes(result.error as Parameters<typeof fieldErrorCodes>[0]);
}

describe('createCaseSchema', () => {
  it('accepts a title, platform and optional deadline', () => {
    const parsed = createCaseSchema.parse({ title: '  大促订单申诉 ', platform: 'tmall', appealDeadline: '2026-12-01' });
    expect(parsed).toEqual({ title: '大促订单申诉', platform: 'tmall', appealDeadline: new Date('2026-12-01T00:00:00Z') });
    expect(createCaseSchema.parse({ title: 'a', platform: 'jd', appealDeadline: '' }).appealDeadline).toBeNull();
  });

  it('names each problem with a translatable code', () => {
    expect(errorsOf(createCaseSchema.safeParse({ title: '   ', platform: 'ebay', appealDeadline: '2026-02-30' }))).toEqual({
      title: 'required',
      platform: 'required',
      appealDeadline: 'invalidDate',
    });
    expect(errorsOf(createCaseSchema.safeParse({ title: 'x'.repeat(81), platform: 'jd', appealDeadline: '' }))).toEqual({ title: 'tooLong' });
  });

  it('refuses control and bidirectional-override characters', () => {
    expect(errorsOf(renameCaseSchema.safeParse({ caseId: 'c1', title: 'invoice\u202Efdp.exe' }))).toEqual({ title: 'controlChars' });
    expect(errorsOf(renameCaseSchema.safeParse({ caseId: 'c1', title: 'a\u0000b' }))).toEqual({ title: 'controlChars' });
  });

  it('keeps HTML as plain text (React escapes it on screen)', () => {
    expect(renameCaseSchema.parse({ caseId: 'c1', title: '<script>alert(1)</script>' }).title).toBe('<script>alert(1)</script>');
  });
});

describe('auth schemas', () => {
  const base = { name: '王小明', email: ' Shop@Example.COM ', password: 'abc12345', confirmPassword: 'abc12345' };

  it('normalises the email', () => {
    expect(signUpSchema.parse(base).email).toBe('shop@example.com');
  });

  it.each([['short1'], ['onlyletters'], ['1234567890']])('calls %s a weak password', (password) => {
    expect(errorsOf(signUpSchema.safeParse({ ...base, password, confirmPassword: password }))).toEqual({ password: 'weakPassword' });
  });

  it('accepts Chinese letters with digits', () => {
    expect(signUpSchema.safeParse({ ...base, password: '店铺密码2026年', confirmPassword: '店铺密码2026年' }).success).toBe(true);
  });

  it('requires matching confirmation and a valid email', () => {
    expect(errorsOf(signUpSchema.safeParse({ ...base, confirmPassword: 'abc123456' }))).toEqual({ confirmPassword: 'passwordMismatch' });
    expect(errorsOf(signInSchema.safeParse({ email: 'not-an-email', password: '' }))).toEqual({ email: 'invalidEmail', password: 'required' });
  });
});
