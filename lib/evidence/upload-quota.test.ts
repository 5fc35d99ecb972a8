import { readdirSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCase } from '@/lib/cases/repository';
import { dataDir } from '@/lib/db/data-dir.mjs';
import { db } from '@/lib/db/client';
import { blobStore } from '@/lib/storage';
import { makeUser } from '@/lib/testing/factories';
import { acceptUpload } from './accept-upload';

const MB = 1024 * 1024;
let userId: string;
let caseId: string;

beforeEach(async () => {
  userId = (await makeUser()).id;
  caseId = (await createCase(userId, { title: 't', platform: 'tmall', appealDeadline: null })).id;
  // An almost full case: 10 MB of room left under a 12 MB quota.
  process.env.EVIDENCE_MAX_CASE_MB = '12';
  await db.case.update({ where: { id: caseId }, data: { storedBytes: 2 * MB } });
  await db.accountUsage.update({ where: { userId }, data: { storedBytes: 2 * MB } });
});
afterEach(() => {
  delete process.env.EVIDENCE_MAX_CASE_MB;
  delete process.env.ACCOUNT_MAX_STORAGE_MB;
});

/** A distinct plain-text file of `size` bytes, sent in 64 KB chunks as a network body arrives. */
function textFile(size: number, seed: string): Buffer {
  const line = Buffer.from(`${seed} 聊天记录 line of a chat log\n`);
  return Buffer.concat(Array.from({ length: Math.ceil(size / line.length) }, () => line)).subarray(0, size);
}
function chunked(bytes: Buffer): Readable {
  return Readable.from((function* () {
    for (let at = 0; at < bytes.length; at += 64 * 1024) yield bytes.subarray(at, at + 64 * 1024);
  })());
}
const upload = (bytes: Buffer, name: string, declared: boolean) =>
  acceptUpload({ userId, caseId, fileName: name, category: 'chat', body: chunked(bytes), declaredSize: declared ? bytes.length : undefined });

async function totals() {
  const [kase, account, stored] = await Promise.all([
    db.case.findUniqueOrThrow({ where: { id: caseId } }),
    db.accountUsage.findUniqueOrThrow({ where: { userId } }),
    db.evidence.aggregate({ where: { caseId }, _sum: { size: true } }),
  ]);
  return { caseBytes: Number(kase.storedBytes), accountBytes: Number(account.storedBytes), evidenceBytes: stored._sum.size ?? 0 };
}
function originalsOnDisk(): number {
  try {
    return readdirSync(path.join(dataDir(), 'files', 'cases', caseId, 'evidence')).length;
  } catch {
    return 0;
  }
}

describe('upload quota', () => {
  it('admits exactly the uploads that fit when six arrive at once with their sizes declared', async () => {
    const files = Array.from({ length: 6 }, (_, i) => textFile(3 * MB, `file-${i}`));
    const results = await Promise.all(files.map((bytes, i) => upload(bytes, `chat-${i}.txt`, true)));
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(results.filter((r) => !r.ok)).toEqual(Array(3).fill({ ok: false, error: 'caseFull' }));
    expect(await totals()).toEqual({ caseBytes: 11 * MB, accountBytes: 11 * MB, evidenceBytes: 9 * MB });
    expect(originalsOnDisk()).toBe(3);
  });

  it('never goes over while bodies of unknown length stream in, and refusals give their bytes back', async () => {
    const files = Array.from({ length: 6 }, (_, i) => textFile(3 * MB, `stream-${i}`));
    const results = await Promise.all(files.map((bytes, i) => upload(bytes, `chat-${i}.txt`, false)));
    const { caseBytes, accountBytes, evidenceBytes } = await totals();
    expect(caseBytes).toBeLessThanOrEqual(12 * MB);
    expect(caseBytes).toBe(2 * MB + evidenceBytes);
    expect(accountBytes).toBe(caseBytes);
    expect(evidenceBytes).toBe(results.filter((r) => r.ok).length * 3 * MB);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error === 'caseFull')).toBe(true);
  });

  it('refuses with accountFull when the account, not the case, has no room', async () => {
    process.env.ACCOUNT_MAX_STORAGE_MB = '4';
    expect(await upload(textFile(3 * MB, 'a'), 'a.txt', true)).toEqual({ ok: false, error: 'accountFull' });
    expect(await upload(textFile(3 * MB, 'b'), 'b.txt', false)).toEqual({ ok: false, error: 'accountFull' });
    expect(await totals()).toEqual({ caseBytes: 2 * MB, accountBytes: 2 * MB, evidenceBytes: 0 });
  });

  it('counts a duplicate once and a refused type not at all', async () => {
    const bytes = textFile(MB, 'same');
    await upload(bytes, 'a.txt', true);
    expect(await upload(bytes, 'copy.txt', false)).toMatchObject({ ok: true, duplicate: true });
    expect(await upload(Buffer.concat([Buffer.from('MZ'), textFile(MB, 'exe')]), 'tool.exe', true)).toMatchObject({ ok: false });
    expect(await totals()).toEqual({ caseBytes: 3 * MB, accountBytes: 3 * MB, evidenceBytes: MB });
  });

  it('settles a replacement to the new size', async () => {
    const first = await upload(textFile(2 * MB, 'v1'), 'log.txt', true);
    if (!first.ok) throw new Error('first upload refused');
    const replaced = await acceptUpload({ userId, caseId, fileName: 'log.txt', category: 'chat', body: chunked(textFile(MB, 'v2')), replaceId: first.evidenceId });
    expect(replaced).toMatchObject({ ok: true, duplicate: false });
    expect(await totals()).toEqual({ caseBytes: 3 * MB, accountBytes: 3 * MB, evidenceBytes: MB });
  });

  it('answers storageFull when the disk fills mid-upload: no row, no file, the reserved bytes given back', async () => {
    const store = blobStore();
    // The disk fills after the first megabyte has been written.
    const spy = vi.spyOn(store, 'put').mockImplementationOnce(async (_key, body) => {
      let seen = 0;
      for await (const chunk of body as AsyncIterable<Buffer>) {
        seen += chunk.length;
        if (seen > MB) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      }
      return { size: seen };
    });
    try {
      expect(await upload(textFile(3 * MB, 'full'), 'full.txt', true)).toEqual({ ok: false, error: 'storageFull' });
    } finally {
      spy.mockRestore();
    }
    expect(await totals()).toEqual({ caseBytes: 2 * MB, accountBytes: 2 * MB, evidenceBytes: 0 });
    expect(originalsOnDisk()).toBe(0);
    // The next upload, with room again, goes through.
    expect(await upload(textFile(MB, 'after'), 'after.txt', true)).toMatchObject({ ok: true });
  });
});
