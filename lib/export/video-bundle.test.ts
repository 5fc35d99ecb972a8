import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import sharp from 'sharp';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCase } from '@/lib/cases/repository';
import { db } from '@/lib/db/client';
import { acceptUpload } from '@/lib/evidence/accept-upload';
import { generatedPdf } from '@/lib/evidence/inspect/test-fixtures';
import { setOmitOriginal } from '@/lib/evidence/location';
import { frameTimes, layoutSheet } from '@/lib/media/sheet-layout';
import { makeTestVideo } from '@/lib/media/test-videos';
import { blobStore } from '@/lib/storage';
import { pdfText } from '@/lib/testing/pdf-read';
import { makeUser } from '@/lib/testing/factories';
import { buildBundle, type BundleOutput } from './bundle';
import { collectBundleData, type BundleData } from './collect';
import { encodeImages } from './images';
import { prepare } from './prepare';
import { zipOriginals } from './zip';

const MB = 1024 * 1024;
const dir = mkdtempSync(path.join(os.tmpdir(), 'video-bundle-'));
// Black with a white bottom half: shows which way a frame was turned.
const HALF_WHITE = 'color=c=black:s=320x240:r=25,drawbox=x=0:y=120:w=320:h=120:color=white:t=fill';
const text = (pdf: string) => pdfText(pdf);
/** The text of the page whose caption names the exhibit (the contents and manifest name it too). */
const captionPage = (all: string, id: string) => all.split('\f').find((page) => new RegExp(`证据编号\\s+${id}\\b`).test(page)) ?? '';

let caseId: string;
let data: BundleData;
let out: BundleOutput;
const ids: Record<string, string> = {};

async function upload(userId: string, bytes: Uint8Array, fileName: string) {
  const result = await acceptUpload({ userId, caseId, fileName, category: 'logistics', body: Readable.from([Buffer.from(bytes)]) });
  if (!result.ok) throw new Error(result.error);
  return result.evidenceId;
}

afterEach(() => {
  for (const name of ['EVIDENCE_MAX_FILE_MB', 'EVIDENCE_MAX_VIDEO_MB', 'FFMPEG_PATH', 'FFPROBE_PATH']) delete process.env[name];
});

// Encoding clips, decoding a dozen frames each and loading the CJK fonts: seconds on a loaded machine.
describe('a bundle with packing videos', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    const user = await makeUser();
    caseId = (await createCase(user.id, { title: '打包视频', platform: 'douyin', appealDeadline: null })).id;
    const clip = makeTestVideo(dir, 'packing.mp4', { seconds: 4, tags: { creation_time: '2026-11-20T08:30:00Z' } });
    ids.packing = await upload(user.id, readFileSync(clip), '打包视频.mp4');
    ids.rotated = await upload(user.id, readFileSync(makeTestVideo(dir, 'turned.mp4', { source: HALF_WHITE, seconds: 2, rotate: 90 })), 'turned.mp4');
    ids.located = await upload(user.id, readFileSync(makeTestVideo(dir, 'located.mov', { seconds: 1, tags: { location: '+31.2304+121.4737/' } })), 'located.mov');
    await setOmitOriginal(caseId, ids.located, true);
    process.env.FFMPEG_PATH = '';
    process.env.FFPROBE_PATH = '';
    ids.noTool = await upload(user.id, readFileSync(makeTestVideo(dir, 'no-tool.mp4', { seconds: 1 })), 'no-tool.mp4');
    delete process.env.FFMPEG_PATH;
    delete process.env.FFPROBE_PATH;
    ids.pdf = await upload(user.id, await generatedPdf(1), '快递单.pdf');
    data = await collectBundleData(caseId);
    out = await buildBundle(data, blobStore(), { maxBytes: 20 * MB, attachOriginals: true, now: new Date('2026-12-01T03:00:00Z') });
  }, 180_000);

  const exhibit = (key: string) => data.exhibits.find((x) => x.evidenceId === ids[key])!;

  it('refuses a video over the video limit, so it never reaches the bundle', async () => {
    const before = await db.evidence.count({ where: { caseId } });
    // The video limit is never below the general one: both at 1 KB.
    process.env.EVIDENCE_MAX_FILE_MB = String(1 / 1024);
    process.env.EVIDENCE_MAX_VIDEO_MB = String(1 / 1024);
    const big = makeTestVideo(dir, 'big.mp4', { seconds: 3, size: '640x480' });
    const user = await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { userId: true } });
    const result = await acceptUpload({ userId: user.userId, caseId, fileName: 'big.mp4', category: 'logistics', body: Readable.from([readFileSync(big)]) });
    expect(result).toEqual({ ok: false, error: 'tooLarge' });
    expect(await db.evidence.count({ where: { caseId } })).toBe(before);
  });

  it('flags the GPS in a video like a photo, and keeps the withheld original out', () => {
    expect(exhibit('located')).toMatchObject({ kind: 'mov', omitOriginal: true });
    expect(exhibit('packing').omitOriginal).toBe(false);
  });

  it('never attaches a video inside the PDF, while the PDF original still is', async () => {
    expect(out.attachedOriginals).toBe(true);
    const doc = await PDFDocument.load(out.volumes[0]!.bytes);
    const tree = doc.catalog.lookup(PDFName.of('Names'), PDFDict).lookup(PDFName.of('EmbeddedFiles'), PDFDict).lookup(PDFName.of('Names'), PDFArray);
    const names = tree.asArray().filter((o) => o instanceof PDFString || o instanceof PDFHexString).map((o) => o.decodeText());
    expect(names).toEqual([`${exhibit('pdf').exhibitId}.pdf`]);
  });

  it('puts the original in the ZIP byte for byte under the name the page gives, and leaves the withheld one out', async () => {
    const zip = Buffer.concat(await (await zipOriginals(data, blobStore())).toArray());
    const x = exhibit('packing');
    expect(zip.includes(Buffer.from(`${x.exhibitId}_打包视频.mp4`))).toBe(true);
    // Stored, not deflated: the original's bytes appear as they are.
    expect(zip.includes(Buffer.concat(await (await blobStore().get(x.storageKey))!.toArray()))).toBe(true);
    expect(zip.includes(Buffer.from(`${exhibit('located').exhibitId}_located.mov`))).toBe(false);
  });

  it('draws the rotated clip\'s sheet with upright, portrait frames', async () => {
    const x = exhibit('rotated');
    expect(x.video).toMatchObject({ width: 240, height: 320, codec: 'h264' });
    const content = await prepare(x, blobStore());
    if (content.kind !== 'video' || !content.sheet) throw new Error(`no sheet: ${JSON.stringify(content)}`);
    const { image, labels } = content.sheet;
    expect(labels).toHaveLength(12);
    const [jpeg] = await encodeImages([image], 0);
    // The first frame, found from the same layout, in the page image's pixels.
    const layout = layoutSheet(frameTimes(x.video!.seconds), x.video!);
    const k = image.width / layout.width;
    const f = layout.cells[0]!.frame;
    const cell = { left: Math.round(f.x * k), top: Math.round(f.y * k), width: Math.floor(f.width * k), height: Math.floor(f.height * k) };
    expect(cell.height).toBeGreaterThan(cell.width);
    const half = { ...cell, width: Math.floor(cell.width / 2) - 2 };
    const mean = async (area: typeof cell) => (await sharp(await sharp(jpeg).extract(area).toBuffer()).stats()).channels[0]!.mean;
    // Turned a quarter: the white bottom half now lies along the right side.
    expect(await mean({ ...half, left: cell.left + cell.width - half.width })).toBeGreaterThan(200);
    expect(await mean({ ...half, left: cell.left })).toBeLessThan(50);
  });

  it('prints the frame times, duration, facts, hash and ZIP name as text', async () => {
    const pdf = path.join(dir, 'bundle.pdf');
    writeFileSync(pdf, out.volumes[0]!.bytes);
    const all = await text(pdf);
    const x = exhibit('packing');
    const page = captionPage(all, x.exhibitId);
    for (const time of ['0:00.2', '0:00.5', '0:02.2', '0:03.8']) expect(page).toContain(time);
    expect(page).toMatch(/时长\s+0:04\.0（4\.0 秒）/);
    expect(page).toContain('320 × 240');
    expect(page).toContain('H.264 (AVC)');
    expect(page).toContain('2026-11-20 16:30');
    expect(page).toContain(x.sha256);
    expect(page).toContain(`ZIP 导出中，文件名 ${x.exhibitId}_打包视频.mp4`);

    expect(captionPage(all, exhibit('located').exhibitId)).toContain('商户选择不提供此原件');
    // The manifest says where each video original is.
    expect(all.split('视频原件只在 ZIP 中').length - 1).toBe(3);
    expect(captionPage(all, exhibit('rotated').exhibitId)).toContain('0:01.9');
    const noTool = exhibit('noTool');
    const box = captionPage(all, noTool.exhibitId);
    expect(box).toContain('此视频没有缩略图表');
    expect(box).toContain('服务器没有 ffmpeg');
    expect(box).toContain(noTool.sha256);
    expect(box).toContain(`${noTool.exhibitId}_no-tool.mp4`);
    expect(out.missingGlyphs).toEqual([]);
  });
});
