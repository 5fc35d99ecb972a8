import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import {
  ADDRESS_CEILING,
  clearLoginFailures,
  CLIENT_FREE_FAILURES,
  FAILURE_MEMORY_MS,
  loginWaitSeconds,
  MAX_WAIT_SECONDS,
  recordLoginFailure,
  waitAfter,
} from './login-throttle';

const attacker = { client: 'ip:203.0.113.9', knownDevice: false };
const stranger = { client: 'ip:198.51.100.4', knownDevice: false };
const ownersLaptop = { client: 'device:abcdef0123456789', knownDevice: true };
const at = (base: Date, seconds: number) => new Date(base.getTime() + seconds * 1000);
const email = () => `${randomUUID().slice(0, 8)}@shop.cn`;

async function fail(address: string, who: typeof attacker, times: number, when: Date) {
  for (let i = 0; i < times; i++) await recordLoginFailure(address, who, when);
}

describe('waitAfter', () => {
  it('is free below the allowance, then doubles from 32 s up to the cap', () => {
    expect(waitAfter(4, 5)).toBe(0);
    expect([5, 6, 7, 8].map((n) => waitAfter(n, 5))).toEqual([32, 64, 128, 256]);
    expect(waitAfter(9, 5)).toBe(512);
    expect(waitAfter(10, 5)).toBe(MAX_WAIT_SECONDS);
    expect(waitAfter(10_000, 5)).toBe(MAX_WAIT_SECONDS);
  });
});

describe('login throttle', () => {
  const now = new Date('2026-11-22T10:00:00Z');

  it('slows one client for one address, not other clients or addresses', async () => {
    const owner = email();
    await fail(owner, attacker, CLIENT_FREE_FAILURES - 1, now);
    expect(await loginWaitSeconds(owner, attacker, now)).toBe(0);
    await fail(owner, attacker, 1, now);
    expect(await loginWaitSeconds(owner, attacker, at(now, 1))).toBe(31);
    expect(await loginWaitSeconds(owner, stranger, at(now, 1))).toBe(0);
    expect(await loginWaitSeconds(email(), attacker, at(now, 1))).toBe(0);
  });

  it('makes each further failure wait twice as long, then lets the client try again', async () => {
    const owner = email();
    await fail(owner, attacker, CLIENT_FREE_FAILURES + 2, now);
    expect(await loginWaitSeconds(owner, attacker, now)).toBe(128);
    expect(await loginWaitSeconds(owner, attacker, at(now, 127))).toBe(1);
    expect(await loginWaitSeconds(owner, attacker, at(now, 128))).toBe(0);
  });

  it('forgets failures older than a day', async () => {
    const owner = email();
    await fail(owner, attacker, 20, now);
    expect(await loginWaitSeconds(owner, attacker, at(now, 60))).toBe(MAX_WAIT_SECONDS - 60);
    expect(await loginWaitSeconds(owner, attacker, new Date(now.getTime() + FAILURE_MEMORY_MS + 1000))).toBe(0);
  });

  it('slows unknown clients past the address ceiling, never the owner’s known device', async () => {
    const owner = email();
    // Many clients, each within its own allowance: a spread-out guess at one account.
    for (let i = 0; i < ADDRESS_CEILING / 4; i++) await fail(owner, { client: `ip:10.0.${i}.1`, knownDevice: false }, 4, now);
    expect(await loginWaitSeconds(owner, stranger, now)).toBe(32);
    expect(await loginWaitSeconds(owner, ownersLaptop, now)).toBe(0);
  });

  it('counts a known device’s own failures against it', async () => {
    const owner = email();
    await fail(owner, ownersLaptop, CLIENT_FREE_FAILURES, now);
    expect(await loginWaitSeconds(owner, ownersLaptop, now)).toBe(32);
  });

  it('clears only the client that signed in', async () => {
    const owner = email();
    await fail(owner, attacker, CLIENT_FREE_FAILURES, now);
    await fail(owner, stranger, CLIENT_FREE_FAILURES, now);
    await clearLoginFailures(owner, stranger);
    expect(await loginWaitSeconds(owner, stranger, now)).toBe(0);
    expect(await loginWaitSeconds(owner, attacker, now)).toBe(32);
  });

  it('slows a client on another app instance too: the failures live in the database, not in memory', async () => {
    const owner = email();
    await fail(owner, attacker, CLIENT_FREE_FAILURES, now);
    // A freshly loaded module (as another instance would have) sees the same failures.
    vi.resetModules();
    const other = await import('./login-throttle');
    expect(await other.loginWaitSeconds(owner, attacker, now)).toBe(32);
  });
});
