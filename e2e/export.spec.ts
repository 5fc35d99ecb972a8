import { readFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { encryptedPdf, generatedPdf } from '../lib/evidence/inspect/test-fixtures';
import { testDb } from './support/db';
import { chinaDay } from './support/dates';
import { createExportableCase } from './support/exportable-case';
import { createCase, expect, signUp, test } from './support/fixtures';

test('export from the review step: progress, download, the stored bundle reused, a new one after an edit', async ({ page, user }) => {
  const c = await createExportableCase(user.id, '收到平台通知，称双十一期间订单异常。');

  // Upload through the page, as the merchant does.
  await page.goto(`/cases/${c.id}/evidence`);
  await page.getByLabel('证据类别').selectOption('invoice');
  await page.getByLabel('选择文件').setInputFiles([
    { name: '发票.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await generatedPdf(2)) },
    { name: '加密流水.pdf', mimeType: 'application/pdf', buffer: Buffer.from(encryptedPdf()) },
  ]);
  await expect(page.getByTestId('uploads').getByRole('listitem').filter({ hasText: '已上传' })).toHaveCount(2);
  await page.getByLabel('证据类别').selectOption('chat');
  const chat = '2026-11-10 09:12:03 小雨点: 你好，充电宝还有货吗？\n2026-11-10 09:12:40 小明数码客服: 亲，有货的，今天发顺丰。\n';
  await page.getByLabel('选择文件').setInputFiles([{ name: '聊天记录.txt', mimeType: 'text/plain', buffer: Buffer.from(chat) }]);
  await page.getByLabel('证据类别').selectOption('logistics');
  const photo = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#2563eb' } }).jpeg().toBuffer();
  await page.getByLabel('选择文件').setInputFiles([{ name: '面单照片.jpg', mimeType: 'image/jpeg', buffer: photo }]);
  await expect(page.getByTestId('uploads').getByRole('listitem').filter({ hasText: '已上传' })).toHaveCount(4);

  await page.goto(`/cases/${c.id}/review`);
  await expect(page.getByTestId('review-status')).toHaveAttribute('data-ready', 'true');
  const panel = page.getByTestId('export-panel');
  await panel.getByRole('button', { name: '生成证据包' }).click();
  // The progress bar shows while the job is queued or running, then the result replaces it.
  await expect(panel.getByTestId('export-progress').getByRole('progressbar')).toBeVisible();
  const result = panel.getByTestId('export-result');
  await expect(result).toBeVisible({ timeout: 30_000 });
  await expect(result).toHaveAttribute('data-current', 'true');
  await expect(panel.getByTestId('export-warnings')).toContainText(/B-00[12]: PDF 已加密/);

  const downloading = page.waitForEvent('download');
  await result.getByRole('link', { name: '下载 PDF' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`申诉证据包_小明数码旗舰店_${chinaDay(0).replaceAll('-', '')}.pdf`);
  const pdf = await PDFDocument.load(readFileSync(await download.path()));
  expect(pdf.getTitle()).toBe('申诉证据包：小明数码旗舰店');
  // Cover, contents, statement, orders, audit, 3 dividers, 4 exhibits (2 PDF pages), appendix.
  expect(pdf.getPageCount()).toBeGreaterThanOrEqual(14);
  expect((await testDb().case.findUniqueOrThrow({ where: { id: c.id } })).status).toBe('exported');

  // Coming back: the bundle is still there, and asking again returns it without a new job.
  await page.reload();
  await expect(page.getByTestId('export-result')).toHaveAttribute('data-current', 'true');
  const answered = page.waitForResponse((r) => r.url().endsWith('/export') && r.request().method() === 'POST');
  await page.getByTestId('export-panel').getByRole('button', { name: '重新生成' }).click();
  expect((await (await answered).json()).job).toMatchObject({ status: 'done', current: true });
  await expect(page.getByTestId('export-result')).toHaveAttribute('data-current', 'true');
  expect(await testDb().job.count({ where: { caseId: c.id, kind: 'export-pdf' } })).toBe(1);

  // Any change to what the bundle shows makes it outdated, and a new export a new job.
  await testDb().evidence.updateMany({ where: { caseId: c.id, category: 'chat' }, data: { title: '与买家小雨点的聊天' } });
  await page.reload();
  await expect(page.getByTestId('export-result')).toHaveAttribute('data-current', 'false');
  await expect(page.getByTestId('export-result')).toContainText('这份证据包已过期');
  await page.getByTestId('export-panel').getByRole('button', { name: '重新生成' }).click();
  await expect(page.getByTestId('export-result')).toHaveAttribute('data-current', 'true', { timeout: 30_000 });
  expect(await testDb().job.count({ where: { caseId: c.id, kind: 'export-pdf' } })).toBe(2);

  // The originals as a ZIP, for platforms that take separate uploads.
  const zip = await page.request.get(`/api/cases/${c.id}/export/zip`);
  expect(zip.headers()['content-type']).toBe('application/zip');
  expect((await zip.body()).subarray(0, 2).toString()).toBe('PK');
});

test('nobody but the owner can start, watch or download an export', async ({ page, browser, user }) => {
  const c = await createCase(user.id);
  const intruderContext = await browser.newContext();
  const intruder = intruderContext.request;
  await signUp(intruder, '乙');
  for (const [method, url] of [
    ['post', `/api/cases/${c.id}/export`],
    ['get', `/api/cases/${c.id}/export`],
    ['get', `/api/cases/${c.id}/export/pdf?volume=1`],
    ['get', `/api/cases/${c.id}/export/zip`],
  ] as const) {
    expect((await intruder[method](url)).status(), `${method} ${url}`).toBe(404);
  }
  expect(await testDb().job.count({ where: { caseId: c.id, kind: 'export-pdf' } })).toBe(0);
  // The owner of an incomplete case is told why the export cannot start.
  const blocked = await page.request.post(`/api/cases/${c.id}/export`, { data: {} });
  expect(blocked.status()).toBe(409);
  await intruderContext.close();
});
