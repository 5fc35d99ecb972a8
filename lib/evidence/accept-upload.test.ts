import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCase } from '@/lib/cases/repository';
import { dataDir } from '@/lib/db/data-dir.mjs';
import { db } from '@/lib/db/client';
import { blobStore } from '@/lib/storage';
import { makeUser } from '@/lib/testing/factories';
import { acceptUpload } from './accept-upload';
import { elfHeader, encryptedPdf, generatedPdf, heicPhoto, ownerLockedPdf, peHeader, photo, pixelBombPng, tiffWithTrailingDirectory } from './inspect/test-fixtures';

let user: { id: string };
let caseId: string;
beforeEach(async () => {
  user = await makeUser();
  caseId = (await createCase(user.id, { title: 't', platform: 'tmall', appealDeadline: null })).id;
});
afterEach(() => {
  delete process.env.EVIDENCE_MAX_FILE_MB;
});

const upload = (bytes: Uint8Array, fileName: string, category = 'invoice', who = user.id) =>
  acceptUpload({ userId: who, caseId, fileName, category, body: Readable.from([Buffer.from(bytes)]) });

function storedKeys(): string[] {
  try {
    return readdirSync(path.join(dataDir(), 'files', 'cases', caseId), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
  } catch {
    return [];
  }
}

describe('acceptUpload', () => {
  it('stores a photo byte for byte with its hash, date and labelled derived copies', async () => {
    const bytes = await photo('jpeg', { takenAt: '2026:11:11 10:00:00', gps: true });
    const result = await upload(bytes, '../../发票 照片.jpg');
    expect(result).toMatchObject({ ok: true, duplicate: false, checkStatus: 'ok' });
    const row = await db.evidence.findFirstOrThrow({ where: { caseId } });
    expect(row).toMatchObject({ kind: 'jpeg', mime: 'image/jpeg', size: bytes.length, originalName: '发票 照片.jpg', title: '发票 照片', category: 'invoice', position: 1 });
    expect(row.documentDate).toEqual(new Date('2026-11-11T02:00:00Z'));
    const original = await blobStore().get(row.storageKey);
    expect(Buffer.compare(Buffer.concat(await original!.toArray()), Buffer.from(bytes))).toBe(0);
    expect(row.thumbnailKey).toMatch(/derived\/.*-thumb\.webp$/);
    expect(row.previewKey).toMatch(/derived\/.*-preview\.jpg$/);
  });

  it('recognises the same file uploaded twice and stores it once', async () => {
    const bytes = await generatedPdf(2);
    const first = await upload(bytes, 'a.pdf');
    const second = await upload(bytes, 'copy of a.pdf');
    expect(second).toMatchObject({ ok: true, duplicate: true, evidenceId: first.ok ? first.evidenceId : '' });
    expect(await db.evidence.count({ where: { caseId } })).toBe(1);
    expect(storedKeys().filter((name) => !name.endsWith('.webp'))).toHaveLength(1);
  });

  it('keeps an encrypted PDF as the original, flagged with the reason', async () => {
    expect(await upload(encryptedPdf(), 'locked.pdf')).toMatchObject({ ok: true, checkStatus: 'flagged', checkReason: 'encrypted' });
  });

  it('tells a PDF that only restricts permissions from one that needs a password, and counts its pages', async () => {
    const bytes = await ownerLockedPdf();
    expect(await upload(bytes, 'statement.pdf')).toMatchObject({ ok: true, checkStatus: 'flagged', checkReason: 'ownerEncrypted' });
    const row = await db.evidence.findFirstOrThrow({ where: { caseId } });
    expect(row.pageCount).toBe(2);
    // The original stays byte for byte: the unlocked copy is made again by the bundle, never stored.
    const stored = await blobStore().get(row.storageKey);
    expect(Buffer.compare(Buffer.concat(await stored!.toArray()), Buffer.from(bytes))).toBe(0);
  });

  it('accepts a TIFF scan whose image directory comes after the first 64 KB', async () => {
    expect(await upload(tiffWithTrailingDirectory(), 'scan.tif')).toMatchObject({ ok: true, checkStatus: 'ok' });
    expect(await db.evidence.findFirstOrThrow({ where: { caseId } })).toMatchObject({ kind: 'tiff', hasLocation: false });
  });

  it('takes an iPhone HEIC as a photo: original kept byte for byte, upright metadata-free preview, date and location', async () => {
    const bytes = heicPhoto('iphone-portrait.heic');
    expect(await upload(bytes, 'IMG_4032.HEIC', 'logistics')).toMatchObject({ ok: true, duplicate: false, checkStatus: 'ok' });
    const row = await db.evidence.findFirstOrThrow({ where: { caseId } });
    expect(row).toMatchObject({ kind: 'heic', mime: 'image/heic', size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), hasLocation: true });
    expect(row.documentDate).toEqual(new Date('2026-11-11T12:05:13Z'));
    const original = await blobStore().get(row.storageKey);
    expect(Buffer.compare(Buffer.concat(await original!.toArray()), bytes)).toBe(0);
    const preview = Buffer.concat(await (await blobStore().get(row.previewKey!))!.toArray());
    // Turned once by the container's rotation: the stored 48 × 32 landscape becomes a 32 × 48 portrait.
    const meta = await sharp(preview).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 32, height: 48 });
    expect(meta.exif).toBeUndefined();
    expect(row.thumbnailKey).toMatch(/-thumb\.webp$/);
  });

  it('refuses a truncated HEIC as undecodable and keeps nothing', async () => {
    const bytes = heicPhoto('iphone-portrait.heic');
    expect(await upload(bytes.subarray(0, bytes.length - 200), 'cut.heic')).toMatchObject({ ok: false, error: 'undecodable' });
    expect(await db.evidence.count({ where: { caseId } })).toBe(0);
    expect(storedKeys()).toEqual([]);
  });

  it('records whether the original photo says where it was taken', async () => {
    await upload(await photo('jpeg', { gps: true }), 'with-gps.jpg');
    await upload(await photo('jpeg', { width: 50 }), 'without.jpg');
    const rows = await db.evidence.findMany({ where: { caseId }, orderBy: { position: 'asc' } });
    expect(rows.map((r) => [r.originalName, r.hasLocation])).toEqual([['with-gps.jpg', true], ['without.jpg', false]]);
  });

  it('refuses a program behind a bidi override as executable', async () => {
    expect(await upload(peHeader(), 'invoice\u202Egnp.exe')).toMatchObject({ ok: false, error: 'executable' });
    expect(await upload(peHeader(), 'invoice.png')).toMatchObject({ ok: false, error: 'executable' });
  });

  it.each([
    ['a zero-byte file', () => new Uint8Array(), 'empty.pdf', 'empty'],
    ['a JPEG renamed .pdf', () => photo('jpeg'), 'invoice.pdf', 'mismatch'],
    ['an executable renamed .png', () => elfHeader(), 'photo.png', 'executable'],
    ['a 30000×30000 PNG', () => pixelBombPng(30000, 30000), 'huge.png', 'tooManyPixels'],
  ])('refuses %s and keeps nothing', async (_label, make, name, error) => {
    expect(await upload(await make(), name)).toMatchObject({ ok: false, error });
    expect(await db.evidence.count({ where: { caseId } })).toBe(0);
    expect(storedKeys()).toEqual([]);
  });

  it('refuses a file over the limit while streaming', async () => {
    process.env.EVIDENCE_MAX_FILE_MB = '1';
    expect(await upload(new Uint8Array(2 * 1024 * 1024), 'big.pdf')).toEqual({ ok: false, error: 'tooLarge' });
    expect(storedKeys()).toEqual([]);
  });

  it('answers notFound for another user’s case and stores nothing', async () => {
    const stranger = await makeUser();
    expect(await upload(await generatedPdf(1), 'a.pdf', 'invoice', stranger.id)).toEqual({ ok: false, error: 'notFound' });
    expect(storedKeys()).toEqual([]);
  });
});

describe('acceptUpload replacing a file', () => {
  it('swaps the original, keeps the details and links, and removes the old bytes', async () => {
    const first = await upload(await photo('jpeg', { width: 40 }), 'old.jpg');
    if (!first.ok) throw new Error('upload failed');
    await db.evidence.update({ where: { id: first.evidenceId }, data: { title: '发货面单', description: '顺丰面单' } });
    const before = await db.evidence.findUniqueOrThrow({ where: { id: first.evidenceId } });
    const fresh = await generatedPdf(3);
    const result = await acceptUpload({ userId: user.id, caseId, fileName: 'new.pdf', category: 'other', replaceId: first.evidenceId, body: Readable.from([Buffer.from(fresh)]) });
    expect(result).toMatchObject({ ok: true, evidenceId: first.evidenceId });
    const after = await db.evidence.findUniqueOrThrow({ where: { id: first.evidenceId } });
    expect(after).toMatchObject({ title: '发货面单', description: '顺丰面单', kind: 'pdf', pageCount: 3, originalName: 'new.pdf', previewKey: null });
    expect(await blobStore().get(before.storageKey)).toBeNull();
    expect(await blobStore().get(before.thumbnailKey ?? '')).toBeNull();
    // The new original, plus its first-page thumbnail (poppler or PDFium: every machine makes one).
    expect(storedKeys()).toHaveLength(2);
    expect(after.thumbnailKey).not.toBeNull();
    expect(storedKeys()).not.toContain(path.basename(before.storageKey));
  });

  it('refuses a replacement that is another file of the case', async () => {
    const a = await upload(await generatedPdf(1), 'a.pdf');
    const bBytes = await generatedPdf(2);
    await upload(bBytes, 'b.pdf');
    if (!a.ok) throw new Error('upload failed');
    const result = await acceptUpload({ userId: user.id, caseId, fileName: 'b again.pdf', category: 'other', replaceId: a.evidenceId, body: Readable.from([Buffer.from(bBytes)]) });
    expect(result).toEqual({ ok: false, error: 'alreadyUploaded', detected: undefined });
    expect(await db.evidence.count({ where: { caseId } })).toBe(2);
  });
});
