import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCase } from '@/lib/cases/repository';
import { db } from '@/lib/db/client';
import { makeTestVideo } from '@/lib/media/test-videos';
import { blobStore } from '@/lib/storage';
import { makeUser } from '@/lib/testing/factories';
import { acceptUpload } from './accept-upload';
import { KINDS, VIDEO_KINDS } from './inspect/file-kind';
import { generatedPdf } from './inspect/test-fixtures';
import { VIDEO_EXTENSIONS } from './video-name';

const dir = mkdtempSync(path.join(os.tmpdir(), 'accept-video-'));
const ENV = ['EVIDENCE_MAX_FILE_MB', 'EVIDENCE_MAX_VIDEO_MB', 'FFMPEG_PATH', 'FFPROBE_PATH'];

let user: { id: string };
let caseId: string;
beforeEach(async () => {
  user = await makeUser();
  caseId = (await createCase(user.id, { title: 't', platform: 'douyin', appealDeadline: null })).id;
});
afterEach(() => {
  for (const name of ENV) delete process.env[name];
});

const upload = (bytes: Uint8Array, fileName: string) =>
  acceptUpload({ userId: user.id, caseId, fileName, category: 'logistics', body: Readable.from([Buffer.from(bytes)]) });
const readStored = async (key: string) => Buffer.concat(await (await blobStore().get(key))!.toArray());

// Encoding clips and decoding a dozen frames each takes seconds on a loaded two-core machine.
describe('acceptUpload with videos', { timeout: 60_000 }, () => {
  it('keeps an MP4 byte for byte with its probed facts, contact sheet and thumbnail', async () => {
    const file = makeTestVideo(dir, 'packing.mp4', { seconds: 4, tags: { creation_time: '2026-11-20T08:30:00Z' } });
    const bytes = readFileSync(file);
    expect(await upload(bytes, '打包视频.mp4')).toMatchObject({ ok: true, duplicate: false, checkStatus: 'ok', checkReason: '' });
    const row = await db.evidence.findFirstOrThrow({ where: { caseId } });
    expect(row).toMatchObject({ kind: 'mp4', mime: 'video/mp4', size: bytes.length, videoWidth: 320, videoHeight: 240, hasLocation: false });
    expect(row.videoSeconds).toBeCloseTo(4, 1);
    expect(row.documentDate).toEqual(new Date('2026-11-20T08:30:00Z'));
    expect(row).toMatchObject({ videoCodec: 'h264', videoCreatedAt: new Date('2026-11-20T08:30:00Z') });
    expect(Buffer.compare(await readStored(row.storageKey), bytes)).toBe(0);
    const sheet = await sharp(await readStored(row.previewKey!)).metadata();
    const thumb = await sharp(await readStored(row.thumbnailKey!)).metadata();
    expect([sheet.format, thumb.format]).toEqual(['jpeg', 'webp']);
    // The sheet is many frames wide; the thumbnail is the list's 320 px.
    expect(sheet.width).toBeGreaterThan(320 * 2);
    expect(Math.max(thumb.width!, thumb.height!)).toBe(320);
  });

  it('flags a MOV that says where it was filmed, and gives the upright size of a rotated one', async () => {
    const located = makeTestVideo(dir, 'located.mov', { seconds: 1, tags: { location: '+31.2304+121.4737/' } });
    const rotated = makeTestVideo(dir, 'rotated.mp4', { seconds: 1, rotate: 90 });
    await upload(readFileSync(located), 'located.mov');
    await upload(readFileSync(rotated), 'rotated.mp4');
    const rows = await db.evidence.findMany({ where: { caseId }, orderBy: { position: 'asc' } });
    expect(rows.map((r) => [r.kind, r.hasLocation, r.videoWidth, r.videoHeight])).toEqual([['mov', true, 320, 240], ['mp4', false, 240, 320]]);
  });

  it('holds a video to the video limit and any other file to the general one, whatever its name', async () => {
    const file = makeTestVideo(dir, 'limit.mp4', { seconds: 3 });
    const size = statSync(file).size;
    const pdf = await generatedPdf(40);
    // A general limit below both files, a video limit between the clip and twice its size.
    process.env.EVIDENCE_MAX_FILE_MB = String(Math.min(size, pdf.length) / 2 / 1024 / 1024);
    process.env.EVIDENCE_MAX_VIDEO_MB = String((size * 1.5) / 1024 / 1024);
    expect(await upload(readFileSync(file), 'clip.mp4')).toMatchObject({ ok: true });
    expect(await upload(Buffer.concat([readFileSync(file), readFileSync(file)]), 'twice.mp4')).toEqual({ ok: false, error: 'tooLarge' });
    // Named as a video, it streams under the video limit, and is refused once its content is known.
    expect(await upload(pdf, 'not-a-video.mp4')).toMatchObject({ ok: false });
    expect(await upload(pdf, 'statement.pdf')).toEqual({ ok: false, error: 'tooLarge' });
    expect(await db.evidence.count({ where: { caseId } })).toBe(1);
  });

  it('keeps a video hashed, without a sheet, when this server has no ffmpeg', async () => {
    process.env.FFMPEG_PATH = '';
    process.env.FFPROBE_PATH = '';
    const bytes = readFileSync(makeTestVideo(dir, 'no-tool.mp4', { seconds: 1 }));
    expect(await upload(bytes, 'no-tool.mp4')).toMatchObject({ ok: true, checkStatus: 'ok', checkReason: 'videoNoTool' });
    const row = await db.evidence.findFirstOrThrow({ where: { caseId } });
    expect(row).toMatchObject({ kind: 'mp4', thumbnailKey: null, previewKey: null, videoSeconds: null });
    expect(row.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps a file that looks like an MP4 but no decoder can read, noting there is no sheet', async () => {
    // An ftyp box and nothing playable after it: file-type says mp4, ffprobe finds no stream.
    const box = Buffer.from('0000001866747970697336d0000000000069736f6d61766331', 'hex');
    box.write('ftypisom', 4, 'latin1');
    expect(await upload(Buffer.concat([box, Buffer.alloc(2000, 7)]), 'broken.mp4')).toMatchObject({ ok: true, checkReason: 'videoNoSheet' });
  });

  it('knows every video extension the browser limit uses', () => {
    expect([...VIDEO_KINDS].flatMap((kind) => KINDS[kind].extensions).sort()).toEqual([...VIDEO_EXTENSIONS].sort());
  });
});
