import { Readable } from 'node:stream';
import { buffer, text } from 'node:stream/consumers';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { casePrefix } from './keys';
import { readAll } from './read-all';
import { BACKENDS, generated, type Backend } from './test-backends';

describe.each(Object.entries(BACKENDS))('BlobStore on %s', (_name, make) => {
  const backend = make();
  let b: Backend;
  beforeAll(() => backend.start(), 30_000);
  afterAll(() => backend.stop());
  beforeEach(async () => {
    b = await backend.fresh();
  });

  it('stores and reads back bytes', async () => {
    expect(await b.store.put('cases/c1/a.bin', new TextEncoder().encode('证据'))).toEqual({ size: 6 });
    expect(await text((await b.store.get('cases/c1/a.bin'))!)).toBe('证据');
    expect(await b.store.put('cases/c1/s.bin', Readable.from([Buffer.from('流'), Buffer.from('式')]))).toEqual({ size: 6 });
    expect(await text((await b.store.get('cases/c1/s.bin'))!)).toBe('流式');
  });

  it('answers null for a missing key', async () => {
    expect(await b.store.get('cases/c1/none')).toBeNull();
    expect(await b.store.get('cases/c1/none', { start: 0, end: 9 })).toBeNull();
    expect(await readAll(b.store, 'cases/c1/none')).toBeNull();
  });

  it('reads a whole object in one buffer, through its own read or its stream', async () => {
    const bytes = Buffer.concat([Buffer.from('证据'), Buffer.alloc(200_000, 7)]);
    await b.store.put('cases/c1/w.bin', bytes);
    expect((await readAll(b.store, 'cases/c1/w.bin'))?.equals(bytes)).toBe(true);
    // A store without read (a wrapper that spreads one) is read through get.
    const { get } = b.store;
    expect((await readAll({ ...b.store, get: get.bind(b.store), read: undefined }, 'cases/c1/w.bin'))?.equals(bytes)).toBe(true);
  });

  it('reads a byte range, both ends inclusive, or to the end', async () => {
    await b.store.put('cases/c1/r.bin', Uint8Array.from({ length: 256 }, (_, i) => i));
    expect([...(await buffer((await b.store.get('cases/c1/r.bin', { start: 10, end: 19 }))!))]).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    expect([...(await buffer((await b.store.get('cases/c1/r.bin', { start: 250 }))!))]).toEqual([250, 251, 252, 253, 254, 255]);
    expect((await buffer((await b.store.get('cases/c1/r.bin', { start: 0 }))!)).length).toBe(256);
  });

  it('overwrites a key whole', async () => {
    await b.store.put('cases/c1/o.bin', new TextEncoder().encode('first version, longer'));
    await b.store.put('cases/c1/o.bin', new TextEncoder().encode('second'));
    expect(await text((await b.store.get('cases/c1/o.bin'))!)).toBe('second');
  });

  it('leaves no object and no parts when the stream fails midway', async () => {
    // 7 MB before the failure: past S3's 5 MB part, so a multipart upload has really begun.
    await expect(b.store.put('cases/c1/b.bin', generated(20, { failAfter: 7 }))).rejects.toThrow('connection reset');
    expect(await b.store.get('cases/c1/b.bin')).toBeNull();
    expect(await b.store.list('cases/')).toEqual([]);
    expect(await b.pendingUploads()).toBe(0);
  });

  it('lists and deletes a whole prefix and nothing else', async () => {
    await b.store.put('cases/c1/a', new Uint8Array([1]));
    await b.store.put('cases/c1/derived/b', new Uint8Array([1]));
    await b.store.put('cases/c10/a', new Uint8Array([3]));
    await b.store.put('cases/c2/a', new Uint8Array([2]));
    expect((await b.store.list(casePrefix('c1'))).sort()).toEqual(['cases/c1/a', 'cases/c1/derived/b']);
    await b.store.deletePrefix(casePrefix('c1'));
    expect(await b.store.get('cases/c1/a')).toBeNull();
    expect(await b.store.list(casePrefix('c1'))).toEqual([]);
    expect((await b.store.list('cases/')).sort()).toEqual(['cases/c10/a', 'cases/c2/a']);
  });

  it('deletes a key, and a missing key quietly', async () => {
    await b.store.put('cases/c1/d', new Uint8Array([1]));
    await b.store.delete('cases/c1/d');
    await b.store.delete('cases/c1/never');
    expect(await b.store.get('cases/c1/d')).toBeNull();
  });

  it.each(['../etc/passwd', 'cases/../../x', '/abs', 'a//b', 'cases/c1/名字'])('refuses the key %s', async (key) => {
    await expect(b.store.put(key, new Uint8Array([1]))).rejects.toThrow(/invalid storage key/);
    await expect(b.store.get(key)).rejects.toThrow(/invalid storage key/);
  });

  it('refuses a prefix without its closing slash', async () => {
    await expect(b.store.list('cases/c1')).rejects.toThrow(/prefix/);
    await expect(b.store.deletePrefix('cases/c1')).rejects.toThrow(/prefix/);
  });
});
