import ExcelJS from 'exceljs';
import { testDb } from './support/db';
import { createCase, expect, test } from './support/fixtures';
import { shot } from './support/shots';

const MB = 1024 * 1024;

test('a chunked 150 MB import body is refused at the 50 MB limit, not read to its end', async ({ page, user, baseURL }) => {
  const c = await createCase(user.id);
  const cookie = (await page.context().cookies()).map(({ name, value }) => `${name}=${value}`).join('; ');
  // Made as it is pulled, with no Content-Length: only counting what arrives can stop it.
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= 150 * MB) return controller.close();
      pulled += 256 * 1024;
      controller.enqueue(new Uint8Array(256 * 1024).fill(0x41));
    },
  });
  const response = await fetch(`${baseURL}/api/cases/${c.id}/order-imports?name=orders.csv`, {
    method: 'POST', body, duplex: 'half', headers: { cookie, origin: baseURL ?? '', 'content-type': 'application/octet-stream' },
  } as RequestInit);
  expect(response.status).toBe(413);
  expect(await response.json()).toEqual({ error: 'tooLarge' });
  // The limit plus what the sockets buffered: far from the 150 MB offered.
  expect(pulled).toBeLessThan(64 * MB);
  expect(await testDb().order.count({ where: { caseId: c.id } })).toBe(0);
});

test('a workbook bomb is refused with a clear message, and a giant cell is listed by row and column', async ({ page, user }) => {
  const c = await createCase(user.id);
  await page.goto(`/cases/${c.id}/orders`);
  const book = new ExcelJS.Workbook();
  book.addWorksheet('订单').addRows([['订单号', '商品'], ['1000001', 'A'.repeat(20 * MB)]]);
  const bomb = Buffer.from(await book.xlsx.writeBuffer());
  await page.getByLabel('订单文件').setInputFiles({ name: 'orders.xlsx', mimeType: 'application/octet-stream', buffer: bomb });
  await page.getByRole('button', { name: '上传并预览' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '解压后过大' })).toBeVisible();
  await shot(page, 'limits-bomb-1280', { fullPage: true });

  const csv = Buffer.from(`订单号,商品,实付金额\r\n1000001,${'连衣裙'.repeat(1000)},59.00\r\n1000002,袜子,9.90\r\n`);
  await page.getByLabel('订单文件').setInputFiles({ name: 'orders.csv', mimeType: 'text/csv', buffer: csv });
  await page.getByRole('button', { name: '上传并预览' }).click();
  const preview = page.getByTestId('import-preview');
  await expect(preview.getByTestId('row-errors')).toContainText('第 2 行');
  await expect(preview.getByTestId('row-errors')).toContainText('超过 2,000 个字');
  await page.setViewportSize({ width: 360, height: 800 });
  await shot(page, 'limits-cell-360', { fullPage: true });
  await preview.getByRole('button', { name: /确认导入 2 个订单/ }).click();
  await expect(page.getByTestId('import-result')).toContainText('新增 2 个');
  const stored = await testDb().order.findUniqueOrThrow({ where: { caseId_orderNo: { caseId: c.id, orderNo: '1000001' } } });
  expect(stored.itemTitle).toBeNull();
});
