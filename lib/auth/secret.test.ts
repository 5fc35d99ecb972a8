import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db/client';
import { dataDir } from '@/lib/db/data-dir.mjs';

const operatorSecret = process.env.BETTER_AUTH_SECRET;
const keptFile = () => path.join(dataDir(), 'auth-secret');

/** The module as a freshly started process would load it: its own copy, nothing remembered. */
async function freshInstance() {
  vi.resetModules();
  delete process.env.BETTER_AUTH_SECRET;
  return import('./secret');
}

beforeEach(async () => {
  await db.appSecret.deleteMany();
  rmSync(keptFile(), { force: true });
});
afterEach(() => {
  process.env.BETTER_AUTH_SECRET = operatorSecret;
  rmSync(keptFile(), { force: true });
});

describe('loadAuthSecret', () => {
  it('gives two instances starting at once the same key, stored once', async () => {
    const first = await freshInstance();
    const second = await freshInstance();
    const [a, b] = await Promise.all([first.loadAuthSecret(), second.loadAuthSecret()]);
    expect(a).toBe(b);
    expect(a.length).toBeGreaterThanOrEqual(32);
    expect(await db.appSecret.findMany({ select: { value: true } })).toEqual([{ value: a }]);
    // A third instance started later, with nothing in memory, signs with the same key.
    const later = await freshInstance();
    expect(await later.loadAuthSecret()).toBe(a);
    expect(later.authSecret()).toBe(a);
  });

  it('keeps the key an install already had in its data folder, so nobody is signed out', async () => {
    writeFileSync(keptFile(), 'kept-key-kept-key-kept-key-kept-key-0123\n');
    const upgraded = await freshInstance();
    expect(await upgraded.loadAuthSecret()).toBe('kept-key-kept-key-kept-key-kept-key-0123');
    // Another machine with no such file (or another one) takes the stored key.
    writeFileSync(keptFile(), 'another-machines-own-key-another-machine');
    const other = await freshInstance();
    expect(await other.loadAuthSecret()).toBe('kept-key-kept-key-kept-key-kept-key-0123');
  });

  it("uses the operator's BETTER_AUTH_SECRET and never stores it", async () => {
    const instance = await freshInstance();
    process.env.BETTER_AUTH_SECRET = 'operator-secret-operator-secret-0123456789';
    expect(await instance.loadAuthSecret()).toBe('operator-secret-operator-secret-0123456789');
    expect(await db.appSecret.count()).toBe(0);
  });
});
