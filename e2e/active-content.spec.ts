import { readFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { ACTIVE_KEYS, everyName, hostilePdf } from '../lib/testing/hostile-pdf';
import { createExportableCase } from './support/exportable-case';
import { expect, test } from './support/fixtures';
import { shot } from './support/shots';

test('a scripted PDF and a scripted web page: the review step says what was removed, the bundle runs nothing', async ({ page, user }) => {
  const c = await createExportableCase(user.id);

  await page.goto(`/cases/${c.id}/evidence`);
  await page.getByLabel('证据类别').selectOption('invoice');
  await page.getByLabel('选择文件').setInputFiles([{ name: '带脚本的发票.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await hostilePdf()) }]);
  await expect(page.getByTestId('uploads').getByRole('listitem').filter({ hasText: '已上传' })).toHaveCount(1);
  await page.getByLabel('证据类别').selectOption('supply');
  const html = '<html><body><p>订单 3012345678901234801 已发货</p><script>fetch("https://evil.example")</script></body></html>';
  await page.getByLabel('选择文件').setInputFiles([{ name: '订单页面.html', mimeType: 'text/html', buffer: Buffer.from(html) }]);
  await expect(page.getByTestId('uploads').getByRole('listitem').filter({ hasText: '已上传' })).toHaveCount(2);

  await page.goto(`/cases/${c.id}/review`);
  await expect(page.getByTestId('review-status')).toHaveAttribute('data-ready', 'true');
  const panel = page.getByTestId('export-panel');
  await panel.getByRole('checkbox').check();
  await panel.getByRole('button', { name: '生成证据包' }).click();
  await expect(panel.getByTestId('export-result')).toBeVisible({ timeout: 30_000 });
  const warnings = panel.getByTestId('export-active');
  await expect(warnings).toContainText('B-001: 已移除 PDF 中的脚本、自动动作');
  await expect(warnings).toContainText('仅随原件 ZIP 提供');
  await expect(warnings).toContainText('S-001: 网页原件含脚本，证据包中只排印其文字');
  // Nothing became an explanation page: the placeholder list stays away.
  await expect(panel.getByTestId('export-warnings')).toHaveCount(0);
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await warnings.scrollIntoViewIfNeeded();
    await shot(page, `active-review-${width}`);
  }

  const downloading = page.waitForEvent('download');
  await panel.getByTestId('export-result').getByRole('link', { name: '下载 PDF' }).click();
  const pdf = await PDFDocument.load(readFileSync(await (await downloading).path()));
  const names = everyName(pdf);
  // The scripted originals are not attached, so nothing at all is embedded.
  expect(ACTIVE_KEYS.filter((k) => names.has(k))).toEqual([]);
});
