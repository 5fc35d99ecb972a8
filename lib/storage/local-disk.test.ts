import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { casePrefix } from './keys';
import { LocalDiskStore } from './local-disk';

let root: string;
let store: LocalDiskStore;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'store-'));
  store = new LocalDiskStore(root);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('LocalDiskStore', () => {
  it('stores and reads back bytes', async () => {
    expect(await store.put('cases/c1/a.bin', new TextEncoder().encode('证据'))).toEqual({ size: 6 });
    expect(await text((await store.get('cases/c1/a.bin'))!)).toBe('证据');
  });

  it('reads back a byte range, both ends included', async () => {
    await store.put('cases/c1/r.bin', new TextEncoder().encode('0123456789'));
    expect(await text((await store.get('cases/c1/r.bin', { start: 2, end: 5 }))!)).toBe('2345');
  });

  it('answers null for a missing key', async () => {
    expect(await store.get('cases/c1/none')).toBeNull();
  });

  it('leaves nothing behind when the stream fails midway', async () => {
    const failing = new Readable({
      read() {
        this.push('partial');
        this.destroy(new Error('connection reset'));
      },
    });
    await expect(store.put('cases/c1/b.bin', failing)).rejects.toThrow('connection reset');
    expect(await store.get('cases/c1/b.bin')).toBeNull();
    expect(readdirSync(path.join(root, '.tmp'))).toEqual([]);
  });

  it('deletes a whole prefix and nothing else', async () => {
    await store.put('cases/c1/a', new Uint8Array([1]));
    await store.put('cases/c2/a', new Uint8Array([2]));
    await store.deletePrefix(casePrefix('c1'));
    expect(await store.get('cases/c1/a')).toBeNull();
    const kept = await store.get('cases/c2/a');
    expect(kept).not.toBeNull();
    kept?.destroy();
  });

  it.each(['../etc/passwd', 'cases/../../x', '/abs', 'a//b', 'cases/c1/名字'])('refuses the key %s', async (key) => {
    await expect(store.put(key, new Uint8Array([1]))).rejects.toThrow(/invalid storage key/);
  });

  it('refuses unsafe case ids in key building', () => {
    expect(() => casePrefix('../x')).toThrow();
    expect(casePrefix('clx123abc')).toBe('cases/clx123abc/');
  });
});
