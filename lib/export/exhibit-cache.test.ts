import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blobStore, readAll } from '@/lib/storage';
import { bundleCase, noisyPhoto } from '@/lib/testing/bundle-case';
import { pdfText } from '@/lib/testing/pdf-read';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildBundle, type BundleOutput } from './bundle';
import { collectBundleData, type BundleData, type Exhibit } from './collect';
import { LAYOUT_VERSION, pagesKey } from './exhibit-cache';

const MB = 1024 * 1024;
const now = new Date('2026-11-22T04:00:00Z');
const options = { maxBytes: 20 * MB, attachOriginals: true, now };
const dir = mkdtempSync(path.join(tmpdir(), 'exhibit-cache-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let data: BundleData;
let first: BundleOutput;
let second: BundleOutput;
const bytesOf = (out: BundleOutput) => Buffer.concat(out.volumes.map((v) => Buffer.from(v.bytes)));
const copy = (d: BundleData): BundleData => ({ ...d, exhibits: d.exhibits.map((x) => ({ ...x })) });
const photoOf = (d: BundleData) => d.exhibits.find((x) => x.kind === 'jpeg') as Exhibit;

beforeAll(async () => {
  const { caseId } = await bundleCase();
  data = await collectBundleData(caseId);
  first = await buildBundle(data, blobStore(), options);
  second = await buildBundle(data, blobStore(), options);
}, 120_000);

describe('exports of the same case', () => {
  it('are byte-identical, the second from cached pages', () => {
    expect(first.timings.cacheHits).toBe(0);
    expect(second.timings.cacheHits).toBe(data.exhibits.length);
    expect(bytesOf(second).equals(bytesOf(first))).toBe(true);
    expect(second.pages).toBe(first.pages);
    expect(second.warnings).toEqual(first.warnings);
  });

  it('read no original again: photos and PDFs go by their facts, the chat log and the table come as first read', async () => {
    const store = blobStore();
    const read: string[] = [];
    const watched: typeof store = Object.assign(Object.create(Object.getPrototypeOf(store)), store, {
      get: (key: string, range?: Parameters<typeof store.get>[1]) => (read.push(key), store.get(key, range)),
      read: (key: string) => (read.push(key), readAll(store, key)),
    });
    const again = await buildBundle(data, watched, { ...options, attachOriginals: false });
    expect(again.timings.cacheHits).toBe(data.exhibits.length);
    const originals = new Set(data.exhibits.flatMap((x) => [x.storageKey, x.previewKey ?? '']));
    expect(read.filter((key) => originals.has(key))).toEqual([]);
    expect(read.some((key) => key.includes('/exhibit-content/'))).toBe(true);
  });

  it('differ when the date differs, and an edited statement re-typesets no exhibit', async () => {
    const later = await buildBundle(data, blobStore(), { ...options, now: new Date('2026-11-23T04:00:00Z') });
    expect(bytesOf(later).equals(bytesOf(first))).toBe(false);
    const edited = await buildBundle({ ...data, statement: `${data.statement}\n补充：已附上全部发货记录。` }, blobStore(), options);
    expect(edited.timings.cacheHits).toBe(data.exhibits.length);
    const file = path.join(dir, 'edited.pdf');
    writeFileSync(file, bytesOf(edited));
    expect(await pdfText(file)).toContain('补充：已附上全部发货记录。');
  }, 60_000);

  it('re-typesets an exhibit whose caption changed, and only that one', async () => {
    const changed = copy(data);
    photoOf(changed).title = '快递底单（重新拍摄）';
    const out = await buildBundle(changed, blobStore(), options);
    expect(out.timings.cacheHits).toBe(data.exhibits.length - 1);
    const file = path.join(dir, 'caption.pdf');
    writeFileSync(file, bytesOf(out));
    expect(await pdfText(file)).toContain('快递底单（重新拍摄）');
  }, 60_000);

  it('re-typesets an exhibit whose bytes changed by one byte', async () => {
    const changed = copy(data);
    const photo = photoOf(changed);
    // A new upload of a photo one byte different: new bytes under a new key, and a new hash.
    const bytes = await noisyPhoto(1200, 800, 6);
    bytes[bytes.length - 3] = (bytes[bytes.length - 3] ?? 0) ^ 1;
    photo.storageKey = `${photo.storageKey}-v2`;
    photo.previewKey = null;
    photo.sha256 = `${photo.sha256.slice(0, 63)}${photo.sha256.endsWith('0') ? '1' : '0'}`;
    await blobStore().put(photo.storageKey, Readable.from([bytes]));
    const out = await buildBundle(changed, blobStore(), options);
    expect(out.timings.cacheHits).toBe(data.exhibits.length - 1);
  }, 60_000);
});

describe('a cache write that fails', () => {
  it('fails the export with its error once the exhibits are done, and leaves no unhandled rejection', async () => {
    const store = blobStore();
    const full: typeof store = Object.assign(Object.create(Object.getPrototypeOf(store)), store, {
      put: (key: string, body: Parameters<typeof store.put>[1]) => (key.includes('/exhibit-pages/') ? Promise.reject(new Error('disk full')) : store.put(key, body)),
    });
    const changed = copy(data);
    const photo = photoOf(changed);
    photo.sha256 = 'd'.repeat(64);
    await expect(buildBundle(changed, full, options)).rejects.toThrow('disk full');
  }, 60_000);
});

describe('a missing original', () => {
  it('is explained, but not remembered: once the file is back, the next export shows it', async () => {
    const changed = copy(data);
    const photo = photoOf(changed);
    photo.storageKey = `${photo.storageKey}-restored`;
    photo.previewKey = null;
    photo.sha256 = 'e'.repeat(64);
    const lost = await buildBundle(changed, blobStore(), options);
    expect(lost.warnings).toContainEqual({ exhibitId: photo.exhibitId, reason: 'missing' });
    await blobStore().put(photo.storageKey, Readable.from([await noisyPhoto(600, 400)]));
    const back = await buildBundle(changed, blobStore(), options);
    expect(back.warnings.filter((w) => w.exhibitId === photo.exhibitId)).toEqual([]);
    expect(back.timings.cacheHits).toBe(data.exhibits.length - 1);
  }, 60_000);
});

describe('a photo broken past its header', () => {
  it('is explained like one broken at the start, and the rest of the bundle is built', async () => {
    const changed = copy(data);
    const photo = photoOf(changed);
    const whole = await noisyPhoto(900, 700);
    photo.storageKey = `${photo.storageKey}-cut`;
    photo.previewKey = null;
    photo.sha256 = 'c'.repeat(64);
    await blobStore().put(photo.storageKey, Readable.from([whole.subarray(0, Math.floor(whole.length / 2))]));
    const out = await buildBundle(changed, blobStore(), options);
    expect(out.warnings).toContainEqual({ exhibitId: photo.exhibitId, reason: 'undecodable' });
    expect(out.pages).toBeGreaterThan(0);
  }, 60_000);
});

describe('pagesKey', () => {
  const x = () => ({ ...photoOf(data) });
  const key = (e: Exhibit, level: 0 | 1 | null = 0, version = LAYOUT_VERSION) => pagesKey(data.caseId, e, 'zh-CN', level, version);

  it('is the same for the same inputs, under the case', () => {
    expect(key(x())).toBe(key(x()));
    expect(key(x())).toMatch(new RegExp(`^cases/${data.caseId}/cache/exhibit-pages/[0-9a-f]{64}$`));
  });

  it('changes with the bytes, the caption, the image step, the language and the layout version', () => {
    const base = key(x());
    expect(key({ ...x(), sha256: 'f'.repeat(64) })).not.toBe(base);
    expect(key({ ...x(), description: '补充说明' })).not.toBe(base);
    expect(key({ ...x(), orderNos: ['4012345678901234568'] })).not.toBe(base);
    expect(key(x(), 1)).not.toBe(base);
    expect(key(x(), 0, LAYOUT_VERSION + 1)).not.toBe(base);
    expect(pagesKey(data.caseId, x(), 'en', 0)).not.toBe(base);
  });
});
