import { describe, expect, it } from 'vitest';
import { clearLoginFailures, isLoginThrottled, LOGIN_FAILURE_LIMIT, LOGIN_FAILURE_WINDOW_MS, recordLoginFailure } from './login-throttle';

describe('login throttle', () => {
  it('pauses an address after repeated failures, per address', async () => {
    const now = new Date('2026-11-22T10:00:00Z');
    for (let i = 0; i < LOGIN_FAILURE_LIMIT - 1; i++) await recordLoginFailure('a@shop.cn', now);
    expect(await isLoginThrottled('a@shop.cn', now)).toBe(false);
    await recordLoginFailure('a@shop.cn', now);
    expect(await isLoginThrottled('a@shop.cn', now)).toBe(true);
    expect(await isLoginThrottled('b@shop.cn', now)).toBe(false);
  });

  it('lets the address try again once the window has passed', async () => {
    const then = new Date('2026-11-22T10:00:00Z');
    for (let i = 0; i < LOGIN_FAILURE_LIMIT; i++) await recordLoginFailure('c@shop.cn', then);
    expect(await isLoginThrottled('c@shop.cn', new Date(then.getTime() + LOGIN_FAILURE_WINDOW_MS + 1000))).toBe(false);
  });

  it('forgets failures after a successful login', async () => {
    const now = new Date();
    for (let i = 0; i < LOGIN_FAILURE_LIMIT; i++) await recordLoginFailure('d@shop.cn', now);
    await clearLoginFailures('d@shop.cn');
    expect(await isLoginThrottled('d@shop.cn', now)).toBe(false);
  });
});
