import { peHeader, photo } from '../lib/evidence/inspect/test-fixtures';
import { testDb } from './support/db';
import { createCase, expect, test } from './support/fixtures';
import { shot } from './support/shots';

const LONG_NAME = `IMG_20261111_${'0123456789'.repeat(9)}.jpg`;

test('names cannot hide an .exe, a long name wraps at 360 px, and a photo with a location can be left out of the exports', async ({ page, user }) => {
  const c = await createCase(user.id);
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto(`/cases/${c.id}/evidence`);
  await page.getByLabel('证据类别').selectOption('logistics');
  await page.getByLabel('选择文件').setInputFiles([
    { name: LONG_NAME, mimeType: 'image/jpeg', buffer: await photo('jpeg', { gps: true, width: 640, height: 480 }) },
    // U+202E makes a bidi-aware list show "invoiceexe.png".
    { name: 'invoice\u202Egnp.exe', mimeType: 'image/png', buffer: Buffer.from(peHeader()) },
  ]);
  const uploads = page.getByTestId('uploads');
  await expect(uploads.getByRole('listitem').filter({ hasText: 'invoicegnp.exe' })).toContainText('这是可执行程序，不能作为证据上传。');
  await expect(uploads.getByRole('listitem').filter({ hasText: LONG_NAME })).toContainText('已上传');
  expect(await uploads.textContent()).not.toContain('\u202E');
  // The name stays readable beside a refusal on a phone.
  expect((await uploads.getByText('invoicegnp.exe').boundingBox())?.width ?? 0).toBeGreaterThan(60);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await shot(uploads, 'uploads-list-360');

  await page.reload();
  const item = page.getByTestId('evidence-logistics').getByRole('listitem');
  const note = item.getByTestId('location-note');
  await expect(note).toContainText('原件含拍摄位置');
  await expect(note).toContainText('原件会随 ZIP 和 PDF 附件一起提供');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await shot(page, 'uploads-360', { fullPage: true });

  await note.getByRole('checkbox', { name: '导出时不附此原件' }).check();
  await expect(note).toContainText('注明“原件未附”');
  await expect.poll(async () => (await testDb().evidence.findFirstOrThrow({ where: { caseId: c.id } })).omitOriginal).toBe(true);
  await page.reload();
  await expect(page.getByTestId('location-note').getByRole('checkbox', { name: '导出时不附此原件' })).toBeChecked();

  await page.setViewportSize({ width: 1280, height: 900 });
  await shot(page, 'uploads-1280', { fullPage: true });
});
