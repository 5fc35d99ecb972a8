import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ffmpeg from '@ffmpeg-installer/ffmpeg';
import { createCase, expect, test } from './support/fixtures';
import { shot } from './support/shots';

/** A 4 s H.264 clip that says when and where it was filmed, made with the packaged ffmpeg. */
function packingClip(): Buffer {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'e2e-video-')), 'clip.mp4');
  execFileSync(ffmpeg.path, ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=25', '-t', '4', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p',
    '-movflags', 'use_metadata_tags', '-metadata', 'creation_time=2026-11-20T08:30:00Z', '-metadata', 'location=+31.2304+121.4737/', file]);
  return readFileSync(file);
}

test('a packing video is uploaded, shows its contact sheet, length and size, and plays from its original', async ({ page, user }) => {
  // Encoding, probing and decoding video on a shared two-core machine: three times the usual time.
  test.slow();
  const c = await createCase(user.id);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/cases/${c.id}/evidence`);
  await expect(page.getByText('视频（MP4、MOV，H.264/HEVC）：每个最大 500 MB')).toBeVisible();
  await page.getByLabel('证据类别').selectOption('logistics');
  await page.getByLabel('选择文件').setInputFiles([{ name: '打包视频.mp4', mimeType: 'video/mp4', buffer: packingClip() }]);
  // The task thread probes the clip and decodes 12 frames: seconds on a loaded machine.
  await expect(page.getByTestId('uploads').getByRole('listitem')).toContainText('已上传', { timeout: 60_000 });

  await page.reload();
  const item = page.getByTestId('evidence-logistics').getByRole('listitem');
  await expect(item.getByTestId('video-facts')).toHaveText('视频 · 时长 0:04 · 320×240');
  const thumb = item.getByRole('img').first();
  await expect(thumb).toBeVisible();
  expect(await thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await expect(item.getByTestId('location-note')).toBeVisible();

  // The sheet the bundle prints, with its frame times over the bands under the frames.
  await item.getByText('查看缩略图表').click();
  const sheet = item.getByTestId('video-sheet');
  await expect(sheet.getByRole('img')).toBeVisible();
  await expect.poll(() => sheet.getByRole('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(320 * 2);
  await expect(sheet.getByText('0:00.2', { exact: true })).toBeVisible();
  await expect(sheet.getByText('0:03.8', { exact: true })).toBeVisible();
  const [first, last] = [await sheet.getByText('0:00.2', { exact: true }).boundingBox(), await sheet.getByText('0:03.8', { exact: true }).boundingBox()];
  // Under their frames: the first at the top left, the last at the bottom right.
  expect(last!.x).toBeGreaterThan(first!.x);
  expect(last!.y).toBeGreaterThan(first!.y);

  await item.getByText('在页面中播放原视频').click();
  const source = await item.locator('video source').getAttribute('src');
  expect(source).toMatch(/\/original$/);
  const original = await page.request.get(source!);
  expect(original.headers()['content-type']).toBe('video/mp4');
  expect(original.headers()['accept-ranges']).toBe('bytes');
  // Safari plays, and every browser seeks, only through ranges.
  const part = await page.request.get(source!, { headers: { Range: 'bytes=100-199' } });
  expect(part.status()).toBe(206);
  expect(part.headers()['content-range']).toBe(`bytes 100-199/${(await original.body()).length}`);
  expect((await part.body()).equals((await original.body()).subarray(100, 200))).toBe(true);
  await shot(page, 'vidup-1280', { fullPage: true });
  await shot(sheet, 'vidx-sheet-1280');

  await page.setViewportSize({ width: 360, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await shot(item, 'vidup-360');
  await shot(sheet, 'vidx-sheet-360');
});
