import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createCase, expect, test } from './support/fixtures';
import { shot } from './support/shots';

// Made by lib/testing/fixtures/make-heic.mjs: stored 48 × 32 landscape, turned to a 32 × 48 portrait by
// the container (irot), EXIF orientation 6 saying the same again, capture time and GPS.
const heic = readFileSync(path.join(import.meta.dirname, '../lib/testing/fixtures/iphone-portrait.heic'));

test('an iPhone HEIC photo is accepted, shown upright once with its location note; a truncated one is refused with the reason', async ({ page, user }) => {
  const c = await createCase(user.id);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/cases/${c.id}/evidence`);
  await page.getByLabel('证据类别').selectOption('logistics');
  await page.getByLabel('选择文件').setInputFiles([
    { name: 'IMG_4032.HEIC', mimeType: 'image/heic', buffer: heic },
    { name: 'IMG_4033.heic', mimeType: 'image/heic', buffer: heic.subarray(0, heic.length - 200) },
  ]);
  const uploads = page.getByTestId('uploads');
  await expect(uploads.getByRole('listitem').filter({ hasText: 'IMG_4032.HEIC' })).toContainText('已上传');
  await expect(uploads.getByRole('listitem').filter({ hasText: 'IMG_4033.heic' })).toContainText('图片已损坏，无法打开。');

  await page.reload();
  const list = page.getByTestId('evidence-logistics');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).toContainText('原件含拍摄位置。');
  const thumbnail = list.getByRole('img', { name: 'IMG_4032.HEIC 的缩略图' });
  await expect(thumbnail).toBeVisible();
  // Upright once: a portrait. Turned twice (container and EXIF) it would be landscape again.
  await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])).toEqual([32, 48]);
  await shot(list.getByRole('listitem').first(), 'heic-item-1280');
  await page.setViewportSize({ width: 360, height: 800 });
  await shot(list.getByRole('listitem').first(), 'heic-item-360');

  const download = await page.request.get((await list.getByRole('link', { name: '下载原件' }).getAttribute('href')) ?? '');
  expect(download.headers()['content-type']).toBe('image/heic');
  expect(Buffer.compare(await download.body(), heic)).toBe(0);
});
