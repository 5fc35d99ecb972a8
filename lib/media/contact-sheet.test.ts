import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { buildContactSheet } from './contact-sheet';
import { findMediaTool } from './ffmpeg';
import { frameTimes, SHEET_MAX_HEIGHT, SHEET_MAX_WIDTH } from './sheet-layout';
import { makeTestVideo } from './test-videos';

const dir = mkdtempSync(path.join(os.tmpdir(), 'media-sheet-'));
// Black picture with a white bottom half: shows which way a frame was turned.
const HALF_WHITE = 'color=c=black:s=320x240:r=25,drawbox=x=0:y=120:w=320:h=120:color=white:t=fill';

async function meanOf(jpeg: Buffer, area: { left: number; top: number; width: number; height: number }): Promise<number> {
  // stats() reads its input, not the pipeline: cut the area out first.
  const stats = await sharp(await sharp(jpeg).extract(area).toBuffer()).stats();
  return stats.channels[0]?.mean ?? Number.NaN;
}

describe('buildContactSheet', () => {
  it('tiles 12 frames at even intervals of a short clip into one JPEG that fits A4', async () => {
    const result = await buildContactSheet(makeTestVideo(dir, 'box.mp4', { seconds: 4 }));
    if (!result.ok) throw new Error(result.reason);
    const { sheet } = result;
    expect(sheet.durationSeconds).toBeCloseTo(4, 1);
    expect(sheet.cells.map((c) => c.seconds)).toEqual(frameTimes(sheet.durationSeconds));
    expect(sheet.cells).toHaveLength(12);
    expect(sheet.cells.map((c) => c.label).slice(0, 3)).toEqual(['0:00.2', '0:00.5', '0:00.8']);
    expect(sheet.cells.every((c) => !c.missing && c.frame.width > c.frame.height)).toBe(true);
    const meta = await sharp(sheet.jpeg).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: sheet.width, height: sheet.height });
    expect(sheet.width).toBeLessThanOrEqual(SHEET_MAX_WIDTH);
    expect(sheet.height).toBeLessThanOrEqual(SHEET_MAX_HEIGHT);
  });

  it('turns the frames of a rotated clip upright', async () => {
    const upright = await buildContactSheet(makeTestVideo(dir, 'half.mp4', { source: HALF_WHITE }));
    const turned = await buildContactSheet(makeTestVideo(dir, 'half-rotated.mp4', { source: HALF_WHITE, rotate: 90 }));
    if (!upright.ok || !turned.ok) throw new Error('no sheet');
    const first = upright.sheet.cells[0]!.frame;
    const half = { width: first.width, height: Math.floor(first.height / 2) };
    expect(await meanOf(upright.sheet.jpeg, { left: first.x, top: first.y + half.height, ...half })).toBeGreaterThan(200);
    expect(await meanOf(upright.sheet.jpeg, { left: first.x, top: first.y, ...half })).toBeLessThan(50);

    // A quarter turn counter-clockwise (what the file says, see probe-video.test.ts): the white
    // bottom ends up on the right, and the cell is portrait.
    const cell = turned.sheet.cells[0]!.frame;
    expect(cell.height).toBeGreaterThan(cell.width);
    const side = { top: cell.y, width: Math.floor(cell.width / 2), height: cell.height };
    expect(await meanOf(turned.sheet.jpeg, { left: cell.x + side.width, ...side })).toBeGreaterThan(200);
    expect(await meanOf(turned.sheet.jpeg, { left: cell.x, ...side })).toBeLessThan(50);
  });

  it('reads an iPhone-style 10-bit HEVC .mov', async () => {
    const result = await buildContactSheet(makeTestVideo(dir, 'IMG_0001.MOV', { codec: 'hevc', seconds: 2 }));
    if (!result.ok) throw new Error(result.reason);
    expect(result.sheet.cells.filter((c) => c.missing)).toEqual([]);
    expect(result.sheet.cells).toHaveLength(12);
  });

  it('gives a reason, not a crash, without ffmpeg or for a file that is no video', async () => {
    const ffmpeg = findMediaTool('ffmpeg', { FFMPEG_PATH: path.join(dir, 'nowhere') });
    expect(ffmpeg).toBeNull();
    const clip = makeTestVideo(dir, 'short.mp4', { seconds: 1 });
    expect(await buildContactSheet(clip, { ffmpeg, ffprobe: findMediaTool('ffprobe') })).toEqual({ ok: false, reason: 'no-tool' });
    const junk = path.join(dir, 'junk.mov');
    writeFileSync(junk, Buffer.alloc(4096, 7));
    expect(await buildContactSheet(junk)).toEqual({ ok: false, reason: 'unreadable' });
  });
});
