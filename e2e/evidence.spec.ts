import sharp from 'sharp';
import { createCase, expect, test } from './support/fixtures';

test('upload a mixed batch: good files are listed after a reload, bad ones are refused with the reason', async ({ page, user }) => {
  const c = await createCase(user.id);
  const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#2563eb' } }).jpeg().toBuffer();
  await page.goto(`/cases/${c.id}/evidence`);
  await page.getByLabel('证据类别').selectOption('logistics');
  await expect(page.getByText('发货底单/电子面单')).toBeVisible();
  await page.getByLabel('选择文件').setInputFiles([
    { name: '面单照片.jpg', mimeType: 'image/jpeg', buffer: photo },
    { name: '改名的图片.pdf', mimeType: 'application/pdf', buffer: photo },
    { name: '空文件.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(0) },
  ]);
  const uploads = page.getByTestId('uploads');
  await expect(uploads.getByRole('listitem').filter({ hasText: '面单照片.jpg' })).toContainText('已上传');
  await expect(uploads.getByRole('listitem').filter({ hasText: '改名的图片.pdf' })).toContainText('文件内容与扩展名不符');
  await expect(uploads.getByRole('listitem').filter({ hasText: '空文件.pdf' })).toContainText('文件是空的');

  await page.reload();
  const list = page.getByTestId('evidence-logistics');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).toContainText('E-001 面单照片');
  await expect(list.getByRole('img', { name: '面单照片.jpg 的缩略图' })).toBeVisible();
  const download = await page.request.get((await list.getByRole('link', { name: '下载原件' }).getAttribute('href')) ?? '');
  expect(Buffer.compare(await download.body(), photo)).toBe(0);
});
