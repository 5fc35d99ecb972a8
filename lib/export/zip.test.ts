import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32, inflateRawSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCase } from '@/lib/cases/repository';
import { db } from '@/lib/db/client';
import { acceptUpload } from '@/lib/evidence/accept-upload';
import { generatedPdf, photo } from '@/lib/evidence/inspect/test-fixtures';
import { blobStore, type BlobStore } from '@/lib/storage';
import { makeUser } from '@/lib/testing/factories';
import { findSystemTool } from '@/lib/tools/system-tool';
import { readCentralDirectory } from '@/lib/zip/central-directory';
import { collectBundleData } from './collect';
import { zipOriginals } from './zip';

type Entry = { name: string; utf8: boolean; method: number; data: Buffer };

/** Reads a ZIP through its central directory: enough to check names, flags, methods and bytes without a library. */
function readZip(zip: Buffer): Entry[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const flags = zip.readUInt16LE(at + 8);
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const [nameLength, extraLength, commentLength] = [28, 30, 32].map((o) => zip.readUInt16LE(at + o)) as [number, number, number];
    const local = zip.readUInt32LE(at + 42);
    const utf8 = (flags & 0x800) !== 0;
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString(utf8 ? 'utf8' : 'latin1');
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + compressed);
    entries.push({ name, utf8, method, data: method === 8 ? inflateRawSync(raw) : Buffer.from(raw) });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const NOW = new Date('2026-12-01T03:00:00Z');

let dir: string;
let caseId: string;
let uploaded: Record<string, Buffer>;
beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'zip-export-'));
  const user = await makeUser();
  caseId = (await createCase(user.id, { title: '双十一申诉', platform: 'tmall', appealDeadline: null })).id;
  await db.case.update({ where: { id: caseId }, data: { shopName: '小鹿旗舰店' } });
  uploaded = {
    '发票 照片.jpg': await photo('jpeg', { width: 400, height: 300 }),
    '聊天记录.pdf': Buffer.from(await generatedPdf(2)),
    'notes.txt': Buffer.from('买家：好的，已经收到货了。\n'.repeat(200)),
  };
  const categories: Record<string, string> = { '发票 照片.jpg': 'invoice', '聊天记录.pdf': 'chat', 'notes.txt': 'other' };
  for (const [fileName, bytes] of Object.entries(uploaded)) {
    const result = await acceptUpload({ userId: user.id, caseId, fileName, category: categories[fileName]!, body: Readable.from([bytes]) });
    expect(result).toMatchObject({ ok: true, duplicate: false });
  }
  const order = await db.order.create({ data: { caseId, orderNo: '1234567890123456789', flagged: true, source: 'manual' } });
  const chat = await db.evidence.findFirstOrThrow({ where: { caseId, category: 'chat' } });
  await db.evidenceOrder.create({ data: { evidenceId: chat.id, orderId: order.id } });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function zipToFile(store: BlobStore = blobStore()): Promise<string> {
  const file = path.join(dir, '申诉证据包.zip');
  await pipeline(await zipOriginals(await collectBundleData(caseId), store, NOW), createWriteStream(file));
  return file;
}

describe('zipOriginals', () => {
  it('packs every original byte for byte under its Chinese name, with both manifests', async () => {
    const file = await zipToFile();
    const entries = readZip(readFileSync(file));
    expect(entries.map((e) => e.name)).toEqual(['B-001_发票 照片.jpg', 'C-001_聊天记录.pdf', 'O-001_notes.txt', 'manifest.csv', 'manifest.json']);
    expect(entries.filter((e) => /[^\x20-\x7e]/.test(e.name)).every((e) => e.utf8)).toBe(true);
    // Already-compressed formats are stored; text is deflated.
    expect(entries.map((e) => e.method)).toEqual([0, 0, 8, 8, 8]);
    const byName = new Map(entries.map((e) => [e.name, e.data]));
    expect(sha256(byName.get('B-001_发票 照片.jpg')!)).toBe(sha256(uploaded['发票 照片.jpg']!));
    expect(sha256(byName.get('C-001_聊天记录.pdf')!)).toBe(sha256(uploaded['聊天记录.pdf']!));
    expect(sha256(byName.get('O-001_notes.txt')!)).toBe(sha256(uploaded['notes.txt']!));

    const csv = byName.get('manifest.csv')!.toString('utf8');
    expect(csv.startsWith('\uFEFF证据编号,标题,类别,原始文件名,包内文件名,类型,大小（字节）,SHA-256,上传时间,文件日期,关联订单\r\n')).toBe(true);
    const chatLine = csv.split('\r\n')[2]!;
    expect(chatLine.startsWith(`C-001,聊天记录,聊天记录,聊天记录.pdf,C-001_聊天记录.pdf,application/pdf,${uploaded['聊天记录.pdf']!.length},${sha256(uploaded['聊天记录.pdf']!)},`)).toBe(true);
    expect(chatLine.endsWith(',"=""1234567890123456789"""')).toBe(true);

    const manifest = JSON.parse(byName.get('manifest.json')!.toString('utf8'));
    expect(manifest).toMatchObject({ caseTitle: '双十一申诉', shopName: '小鹿旗舰店', platform: 'tmall', generatedAt: NOW.toISOString() });
    expect(manifest.exhibits.map((x: { fileName: string; sha256: string; orders: string[] }) => [x.fileName, x.sha256, x.orders])).toEqual([
      ['B-001_发票 照片.jpg', sha256(uploaded['发票 照片.jpg']!), []],
      ['C-001_聊天记录.pdf', sha256(uploaded['聊天记录.pdf']!), ['1234567890123456789']],
      ['O-001_notes.txt', sha256(uploaded['notes.txt']!), []],
    ]);
    expect(manifest.exhibits.some((x: object) => 'missing' in x)).toBe(false);
  });

  it('unpacks with names intact and every CRC right (Info-ZIP unzip where installed, else our own reader and zlib)', async () => {
    const file = await zipToFile();
    const names = ['B-001_发票 照片.jpg', 'C-001_聊天记录.pdf', 'O-001_notes.txt', 'manifest.csv', 'manifest.json'];
    if (findSystemTool('unzip')) {
      expect(execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).trim().split('\n')).toEqual(names);
      expect(execFileSync('unzip', ['-tq', file], { encoding: 'utf8' })).toMatch(/^No errors detected/);
      return;
    }
    const bytes = readFileSync(file);
    const { entries } = readCentralDirectory(bytes, 100);
    expect(entries?.map((e) => e.name)).toEqual(names);
    for (const entry of entries ?? []) {
      const stored = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
      const data = entry.method === 8 ? inflateRawSync(stored) : stored;
      expect([entry.name, data.length, crc32(data) >>> 0]).toEqual([entry.name, entry.uncompressedSize, entry.crc32]);
    }
  });

  it('leaves out an original missing from storage and marks it missing in the manifests', async () => {
    const chat = await db.evidence.findFirstOrThrow({ where: { caseId, category: 'chat' } });
    await blobStore().delete(chat.storageKey);
    const entries = readZip(readFileSync(await zipToFile()));
    expect(entries.map((e) => e.name)).toEqual(['B-001_发票 照片.jpg', 'O-001_notes.txt', 'manifest.csv', 'manifest.json']);
    const manifest = JSON.parse(entries.find((e) => e.name === 'manifest.json')!.data.toString('utf8'));
    expect(manifest.exhibits.map((x: { exhibitId: string; missing?: boolean }) => [x.exhibitId, x.missing ?? false])).toEqual([['B-001', false], ['C-001', true], ['O-001', false]]);
    const csv = entries.find((e) => e.name === 'manifest.csv')!.data.toString('utf8');
    expect(csv.split('\r\n')[2]?.split(',').slice(0, 6)).toEqual(['C-001', '聊天记录', '聊天记录', '聊天记录.pdf', '', 'application/pdf']);
  });

  it('leaves out an original with a location the merchant chose to omit, keeping its hash listed', async () => {
    const photoRow = await db.evidence.findFirstOrThrow({ where: { caseId, category: 'invoice' } });
    // Only an original that says where it was taken can be left out; the flag alone does nothing.
    await db.evidence.update({ where: { id: photoRow.id }, data: { omitOriginal: true } });
    expect(readZip(readFileSync(await zipToFile())).map((e) => e.name)).toContain('B-001_发票 照片.jpg');
    await db.evidence.update({ where: { id: photoRow.id }, data: { hasLocation: true } });
    const entries = readZip(readFileSync(await zipToFile()));
    expect(entries.map((e) => e.name)).toEqual(['C-001_聊天记录.pdf', 'O-001_notes.txt', 'manifest.csv', 'manifest.json']);
    const csv = entries.find((e) => e.name === 'manifest.csv')!.data.toString('utf8');
    expect(csv.split('\r\n')[1]?.split(',').slice(4, 8)).toEqual(['原件未附', 'image/jpeg', String(uploaded['发票 照片.jpg']!.length), sha256(uploaded['发票 照片.jpg']!)]);
    const manifest = JSON.parse(entries.find((e) => e.name === 'manifest.json')!.data.toString('utf8'));
    expect(manifest.exhibits[0]).toMatchObject({ exhibitId: 'B-001', omitted: true, sha256: sha256(uploaded['发票 照片.jpg']!) });
    // Storage keeps the original untouched.
    const stored = await blobStore().get(photoRow.storageKey);
    expect(sha256(Buffer.concat(await stored!.toArray()))).toBe(sha256(uploaded['发票 照片.jpg']!));
  });

  it('writes no bidi override or control into ZIP names or the manifest, even from rows stored before the rule', async () => {
    const notes = await db.evidence.findFirstOrThrow({ where: { caseId, category: 'other' } });
    await db.evidence.update({ where: { id: notes.id }, data: { originalName: 'notes\u202Etxt.exe', title: 'a\u2067b\nc' } });
    const entries = readZip(readFileSync(await zipToFile()));
    // The extension comes from the name as shown, never from a reordered one.
    expect(entries.map((e) => e.name)).toContain('O-001_ab c.exe');
    const text = entries.map((e) => e.data.toString('utf8')).filter((_, i) => entries[i]!.name.startsWith('manifest')).join('');
    expect(text).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(text).toContain('notestxt.exe');
  });

  it('reads one original at a time', async () => {
    const opened: Readable[] = [];
    const stillOpenAtEachGet: number[] = [];
    const real = blobStore();
    const counting: BlobStore = {
      ...real,
      get: async (key) => {
        stillOpenAtEachGet.push(opened.filter((s) => !s.readableEnded && !s.destroyed).length);
        const stream = await real.get(key);
        if (stream) opened.push(stream);
        return stream;
      },
    };
    await zipToFile(counting);
    expect(stillOpenAtEachGet).toEqual([0, 0, 0]);
  });

  it('fails the download, not hangs, when storage fails', async () => {
    const broken: BlobStore = { ...blobStore(), get: async () => Promise.reject(new Error('disk on fire')) };
    await expect(zipToFile(broken)).rejects.toThrow('disk on fire');
  });

  it('lets go of the open original when the download is abandoned', async () => {
    const source = new PassThrough();
    let gets = 0;
    const stalled: BlobStore = { ...blobStore(), get: async () => (gets++, source) };
    const zip = await zipOriginals(await collectBundleData(caseId), stalled, NOW);
    source.write(Buffer.alloc(1024));
    await once(zip, 'readable');
    const closed = once(source, 'close');
    zip.destroy();
    await closed;
    expect(source.destroyed).toBe(true);
    expect(gets).toBe(1);
  });
});
