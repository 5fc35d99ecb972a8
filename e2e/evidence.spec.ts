import iconv from 'iconv-lite';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { testDb } from './support/db';
import { createCase, expect, test } from './support/fixtures';
import { upsertTestOrders } from './support/orders';
import { isStored } from './support/storage';

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
  await expect(list.getByRole('figure')).toContainText('派生预览');
  const download = await page.request.get((await list.getByRole('link', { name: '下载原件' }).getAttribute('href')) ?? '');
  expect(Buffer.compare(await download.body(), photo)).toBe(0);
});

test('link a file to the orders it proves, see it in the coverage view, then delete it with its bytes', async ({ page, user }) => {
  const c = await createCase(user.id);
  await upsertTestOrders(c.id, [{ orderNo: '3012345678901234701', flagged: true }]);
  const photo = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#16a34a' } }).jpeg().toBuffer();
  await page.goto(`/cases/${c.id}/evidence`);
  await page.getByLabel('证据类别').selectOption('logistics');
  await page.getByLabel('选择文件').setInputFiles([{ name: '签收证明.jpg', mimeType: 'image/jpeg', buffer: photo }]);
  await expect(page.getByTestId('uploads')).toContainText('已上传');

  const item = page.getByTestId('evidence-logistics').getByRole('listitem');
  await item.getByText('编辑信息与关联订单').click();
  await item.getByRole('checkbox', { name: '3012345678901234701' }).check();
  await item.getByLabel('证明的订单').fill('3999999999999999999');
  await item.getByRole('button', { name: '保存' }).click();
  await expect(item.getByTestId('details-status')).toContainText('这些订单号不在本案件中，未关联：3999999999999999999');

  await page.goto(`/cases/${c.id}/logistics`);
  const row = page.getByTestId('coverage').getByRole('row').filter({ hasText: '3012345678901234701' });
  await expect(row.getByRole('cell').nth(2)).toHaveText('有');

  await page.goto(`/cases/${c.id}/evidence`);
  const evidence = await testDb().evidence.findFirstOrThrow({ where: { caseId: c.id } });
  // Read back through the store the app uses (its data folder, or the bucket when E2E_STORAGE=s3).
  expect(await isStored(evidence.storageKey)).toBe(true);
  await item.getByText(/编辑信息与关联订单/).click();
  await item.getByRole('button', { name: '删除此文件' }).click();
  await item.getByRole('button', { name: '永久删除' }).click();
  await expect(page.getByTestId('evidence-logistics')).toHaveCount(0);
  expect(await isStored(evidence.storageKey)).toBe(false);
  expect(await isStored(evidence.thumbnailKey ?? 'missing')).toBe(false);
});

test('a GBK chat log is shown as text; files can be reordered within their category', async ({ page, user }) => {
  const c = await createCase(user.id);
  const chat = iconv.encode('2026-11-11 10:00 买家：请问今天能发货吗？\r\n2026-11-11 10:01 客服：可以，下午发顺丰。\r\n', 'gbk');
  await page.goto(`/cases/${c.id}/evidence`);
  await page.getByLabel('证据类别').selectOption('chat');
  await page.getByLabel('选择文件').setInputFiles([{ name: '聊天记录1.txt', mimeType: 'text/plain', buffer: chat }]);
  await expect(page.getByTestId('uploads')).toContainText('已上传');
  await page.getByLabel('选择文件').setInputFiles([{ name: '聊天记录2.txt', mimeType: 'text/plain', buffer: Buffer.from('第二份聊天记录\n', 'utf8') }]);
  await expect(page.getByTestId('uploads').getByRole('listitem').filter({ hasText: '聊天记录2.txt' })).toContainText('已上传');

  await page.reload();
  const list = page.getByTestId('evidence-chat');
  await list.getByRole('listitem').first().getByText('查看内容').click();
  await expect(list.getByTestId('text-preview').first()).toContainText('买家：请问今天能发货吗？');
  await expect(list.getByRole('listitem').first()).toContainText('C-001 聊天记录1');
  await page.getByRole('button', { name: '把“聊天记录2”上移' }).click();
  await expect(list.getByRole('listitem').first()).toContainText('C-001 聊天记录2');
});

test('replace a file keeps its details', async ({ page, user }) => {
  const c = await createCase(user.id);
  await page.goto(`/cases/${c.id}/evidence`);
  await page.getByLabel('证据类别').selectOption('invoice');
  await page.getByLabel('选择文件').setInputFiles([{ name: '发票旧.txt', mimeType: 'text/plain', buffer: Buffer.from('旧的发票说明\n') }]);
  await expect(page.getByTestId('uploads')).toContainText('已上传');
  await page.reload();
  const item = page.getByTestId('evidence-invoice').getByRole('listitem');
  await item.getByText(/编辑信息与关联订单/).click();
  await item.getByLabel('标题').fill('11 月进货发票');
  await item.getByRole('button', { name: '保存' }).click();
  await expect(item.getByTestId('details-status')).toContainText('已保存');
  await item.getByLabel('替换为新文件').setInputFiles({ name: '发票新.txt', mimeType: 'text/plain', buffer: Buffer.from('新的发票说明\n') });
  await expect(item.getByTestId('replace-status')).toContainText('已替换');
  await page.reload();
  await expect(item).toContainText('B-001 11 月进货发票');
  await expect(item).toContainText('发票新.txt');
});

test('a PDF shows its page count and a first-page preview', async ({ page, user }) => {
  const c = await createCase(user.id);
  const doc = await PDFDocument.create();
  for (let i = 0; i < 3; i++) doc.addPage([300, 400]);
  const pdf = Buffer.from(await doc.save());
  await page.goto(`/cases/${c.id}/evidence`);
  await page.getByLabel('证据类别').selectOption('supply');
  await page.getByLabel('选择文件').setInputFiles([{ name: '进货合同.pdf', mimeType: 'application/pdf', buffer: pdf }]);
  await expect(page.getByTestId('uploads')).toContainText('已上传');
  await page.reload();
  const item = page.getByTestId('evidence-supply').getByRole('listitem');
  await expect(item).toContainText('3 页');
  await expect(item.getByRole('img', { name: '进货合同.pdf 的缩略图' })).toBeVisible();
});

test('three files picked at once are numbered in pick order, though the first finishes last; each asks for a title', async ({ page, user }) => {
  const c = await createCase(user.id);
  // Noise does not compress: a photo of several MB whose checks and previews take longest.
  const noise = Buffer.from(Array.from({ length: 1800 * 1800 * 3 }, () => Math.floor(Math.random() * 256)));
  const large = await sharp(noise, { raw: { width: 1800, height: 1800, channels: 3 } }).jpeg({ quality: 95 }).toBuffer();
  await page.goto(`/cases/${c.id}/evidence`);
  // The first pick is held back until the other two are stored, so it really finishes last
  // (left to the race, a loaded machine sometimes finished the photo first).
  const isUpload = (url: URL, pick: string) => url.pathname.endsWith('/evidence') && url.searchParams.get('pick') === pick;
  let release: () => void = () => {};
  const othersStored = new Promise<void>((resolve) => (release = resolve));
  let stored = 0;
  page.on('response', (response) => {
    const url = new URL(response.url());
    if ((isUpload(url, '1') || isUpload(url, '2')) && response.ok() && ++stored === 2) release();
  });
  await page.route((url) => isUpload(url, '0'), async (route) => {
    await othersStored;
    await route.continue();
  });
  await page.getByLabel('证据类别').selectOption('invoice');
  await page.getByLabel('选择文件').setInputFiles([
    { name: '进货_发票_扫描.jpg', mimeType: 'image/jpeg', buffer: large },
    { name: '发票-2026-11-02.txt', mimeType: 'text/plain', buffer: Buffer.from('第二张发票\n') },
    { name: '发票三.txt', mimeType: 'text/plain', buffer: Buffer.from('第三张发票\n') },
  ]);
  await expect(page.getByTestId('uploads').getByRole('listitem').filter({ hasText: '已上传' })).toHaveCount(3, { timeout: 30_000 });

  // The premise: the first pick really finished last.
  const rows = await testDb().evidence.findMany({ where: { caseId: c.id }, orderBy: { uploadedAt: 'asc' } });
  expect(rows.at(-1)?.originalName).toBe('进货_发票_扫描.jpg');

  await page.reload();
  const items = page.getByTestId('evidence-invoice').getByRole('listitem');
  await expect(items.nth(0)).toContainText('B-001 进货 发票 扫描');
  await expect(items.nth(1)).toContainText('B-002 发票-2026-11-02');
  await expect(items.nth(2)).toContainText('B-003 发票三');
  await expect(page.getByTestId('needs-title')).toHaveCount(3);
  await expect(items.nth(0).getByTestId('needs-title')).toContainText('给这个文件起个标题');

  await items.nth(2).getByText(/编辑信息与关联订单/).click();
  await items.nth(2).getByLabel('标题').fill('11 月进货发票（第三张）');
  await items.nth(2).getByLabel('文件日期').fill('2026-11-01');
  await items.nth(2).getByRole('button', { name: '保存' }).click();
  await expect(items.nth(2).getByTestId('needs-title')).toHaveCount(0);
  await expect(page.getByTestId('needs-title')).toHaveCount(2);

  // Sorting by date puts the dated one first; the undated follow by title, as a Chinese reader sorts (fā before jìn).
  await page.getByRole('button', { name: '按文件日期排序' }).click();
  await expect(items.nth(0)).toContainText('B-001 11 月进货发票（第三张）');
  await expect(items.nth(1)).toContainText('B-002 发票-2026-11-02');
  await expect(items.nth(2)).toContainText('B-003 进货 发票 扫描');
});
