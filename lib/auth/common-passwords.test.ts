import { describe, expect, it } from 'vitest';
import { isCommonPassword } from './common-passwords';

describe('isCommonPassword', () => {
  it.each(['password1', '12345678a', 'Password1!', 'PASSWORD123', 'qwerty123', 'iloveyou2', 'a12345678', '1qaz2wsx', 'abc12345'])('refuses %s', (password) => {
    expect(isCommonPassword(password)).toBe(true);
  });

  it.each(['Evidence2026', 'Xk7mPq2vLr', '双十一申诉2026', 'tmall-shop-59ab'])('accepts %s', (password) => {
    expect(isCommonPassword(password)).toBe(false);
  });
});
