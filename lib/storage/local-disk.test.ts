import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { casePrefix } from './keys';
import { LocalDiskStore } from './local-disk';

// What every backend must do is in store.test.ts; here only what is particular to the disk.
let root: string;
let store: LocalDiskStore;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'store-'));
  store = new LocalDiskStore(root);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('LocalDiskStore', () => {
  it('leaves no temp file behind when the stream fails midway', async () => {
    const failing = new Readable({
      read() {
        this.push('partial');
        this.destroy(new Error('connection reset'));
      },
    });
    await expect(store.put('cases/c1/b.bin', failing)).rejects.toThrow('connection reset');
    expect(readdirSync(path.join(root, '.tmp'))).toEqual([]);
  });

  it('keeps a case under its own folder, so a case is removed in one step', async () => {
    await store.put(`${casePrefix('c1')}evidence/a`, new Uint8Array([1]));
    expect(readdirSync(path.join(root, 'cases', 'c1', 'evidence'))).toEqual(['a']);
  });

  it('writes into a folder deleted since its last write, by itself or another store on the same root (a thread)', async () => {
    const key = (n: number) => `${casePrefix('c1')}cache/exhibit-pages/${n}`;
    await store.put(key(1), new Uint8Array([1]));
    await store.deletePrefix(casePrefix('c1'));
    await store.put(key(2), new Uint8Array([2]));
    await new LocalDiskStore(root).deletePrefix(casePrefix('c1'));
    await store.put(key(3), new Uint8Array([3]));
    expect(readdirSync(path.join(root, 'cases', 'c1', 'cache', 'exhibit-pages'))).toEqual(['3']);
  });

  it('refuses unsafe case ids in key building', () => {
    expect(() => casePrefix('../x')).toThrow();
    expect(casePrefix('clx123abc')).toBe('cases/clx123abc/');
  });
});
