import iconv from 'iconv-lite';
import { testDb } from './support/db';
import { createCase, expect, test } from './support/fixtures';
import { shot } from './support/shots';

// A Taobao ExportOrderList in its real shape: GBK, order numbers protected as ="…", full-width ￥ amounts
// (GBK has no half-width ¥).
const HEADER = '订单编号,买家会员名,买家应付货款,买家实际支付金额,订单状态,收货人姓名,收货地址,联系手机,订单创建时间,订单付款时间,宝贝标题,物流单号,物流公司';
const ROWS = [
  '="3012345678901234567",tb_zhang,"￥1,299.00","￥1,299.00",交易成功,张三,浙江省 杭州市 西湖区 文三路 90 号,13812345678,2026-11-11 00:05:13,2026-11-11 00:05:40,蓝牙耳机 Pro,="SF1234567890123",顺丰速运',
  '="3012345678901234568",tb_li,￥89.50,￥89.50,交易成功,李四,北京 北京市 朝阳区 建国路 1 号,13987654321,2026-11-11 01:12:00,2026-11-11 01:12:30,数据线,="773012345678901",申通快递',
  ',tb_wang,￥10.00,￥10.00,交易关闭,王五,上海 上海市 浦东新区,13700000000,2026-11-11 02:00:00,,手机壳,,',
];
const csv = iconv.encode(`${HEADER}\r\n${ROWS.join('\r\n')}\r\n,,,,,,,,,,,,\r\n`, 'gbk');

test('import a GBK Taobao export through the mapping preview; a broken row is listed; re-importing adds nothing', async ({ page, user }) => {
  const c = await createCase(user.id);
  await page.goto(`/cases/${c.id}/orders`);
  const upload = async () => {
    await page.getByLabel('订单文件').setInputFiles({ name: 'ExportOrderList202611120930.csv', mimeType: 'text/csv', buffer: csv });
    await page.getByRole('button', { name: '上传并预览' }).click();
  };
  await upload();
  const preview = page.getByTestId('import-preview');
  await expect(preview).toContainText('可导入 2 个订单，1 行有问题');
  await expect(preview.getByLabel('订单号对应的列')).toHaveValue('0');
  await expect(preview.getByLabel('运单号对应的列')).toHaveValue('11');
  await expect(preview.getByTestId('row-errors')).toContainText('第 4 行');
  // The preview shows the mapped columns of the first rows.
  await expect(preview.getByRole('table')).toContainText('蓝牙耳机 Pro');
  await preview.getByRole('button', { name: '确认导入 2 个订单' }).click();

  await expect(page.getByTestId('import-result')).toContainText('新增 2 个，更新 0 个，1 行未能导入');
  const table = page.getByTestId('orders-table');
  await expect(table).toContainText('3012345678901234567');
  await expect(table).toContainText('¥1,299.00');
  // Personal data is masked by default.
  await expect(table).toContainText('t*******');
  const stored = await testDb().order.findUniqueOrThrow({ where: { caseId_orderNo: { caseId: c.id, orderNo: '3012345678901234567' } } });
  expect(stored).toMatchObject({ amountCents: 129900, buyerPhone: '138****5678', address: '浙江省 杭州市 西湖区', trackingNo: 'SF1234567890123' });

  await upload();
  await page.getByTestId('import-preview').getByRole('button', { name: /确认导入/ }).click();
  await expect(page.getByTestId('import-result')).toContainText('新增 0 个，更新 0 个');
  expect(await testDb().order.count({ where: { caseId: c.id } })).toBe(2);
});

test('an old .xls file is refused with a clear message and nothing changes', async ({ page, user }) => {
  const c = await createCase(user.id);
  await page.goto(`/cases/${c.id}/orders`);
  const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
  await page.getByLabel('订单文件').setInputFiles({ name: 'orders.xls', mimeType: 'application/vnd.ms-excel', buffer: ole });
  await page.getByRole('button', { name: '上传并预览' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '旧版 .xls' })).toBeVisible();
  expect(await testDb().order.count({ where: { caseId: c.id } })).toBe(0);
});

// An unquoted comma inside a title (line 3) pushes every later value one column right: that row must be
// listed with its line and raw text, never imported shifted. Line 4 is a quoted two-line title, which is fine.
const SHAPE_HEADER = '订单编号,买家会员名,买家实际支付金额,订单创建时间,宝贝标题,物流单号,物流公司';
const SHAPE_LINES = [
  '="3012345678901234571",tb_zhao,￥59.00,2026-11-11 09:00:00,纯棉T恤,="YT8812345678901",圆通快递',
  '="3012345678901234572",tb_qian,￥89.00,2026-11-11 10:00:00,保温杯, 500ml,="SF1234567890124",顺丰速运',
  '="3012345678901234573",tb_sun,￥19.90,2026-11-11 11:00:00,"袜子\r\n10 双装",="ZT7812345678903",中通快递',
];
const shapeCsv = iconv.encode(`${SHAPE_HEADER}\r\n${SHAPE_LINES.join('\r\n')}\r\n`, 'gbk');

test('a row with an unquoted comma is listed with its line and raw text, corrected in place and imported as corrected', async ({ page, user }) => {
  const c = await createCase(user.id);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/cases/${c.id}/orders`);
  await page.getByLabel('订单文件').setInputFiles({ name: 'ExportOrderList202611120931.csv', mimeType: 'text/csv', buffer: shapeCsv });
  await page.getByRole('button', { name: '上传并预览' }).click();

  const preview = page.getByTestId('import-preview');
  await expect(preview).toContainText('可导入 2 个订单，1 行有问题');
  const broken = preview.getByTestId('broken-row-3');
  await expect(broken).toContainText('文件第 3 行');
  await expect(broken).toContainText('这一行有 8 列，表头有 7 列');
  const raw = broken.getByLabel('改正文件第 3 行的原文');
  await expect(raw).toHaveValue(SHAPE_LINES[1] ?? '');
  // Values as they will be stored: the ="…" wrapper is gone and the buyer is masked.
  await expect(preview.getByRole('table')).toContainText('3012345678901234571');
  await expect(preview.getByRole('table')).not.toContainText('="3012345678901234571"');
  await expect(preview.getByRole('table')).toContainText('t******');
  await shot(page, 'shape-preview-1280', { fullPage: true });
  await page.setViewportSize({ width: 360, height: 800 });
  await shot(page, 'shape-preview-360', { fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  // Still broken after a careless edit: said so, and confirming refuses.
  await raw.fill(SHAPE_LINES[1]?.replace('保温杯, 500ml', '"保温杯", 500ml') ?? '');
  await expect(broken).toContainText('改过后仍不对');
  await raw.fill(SHAPE_LINES[1]?.replace('保温杯, 500ml', '"保温杯, 500ml"') ?? '');
  await expect(broken).toContainText('已改正');
  await expect(preview).toContainText('可导入 3 个订单，0 行有问题');
  await preview.getByRole('button', { name: '确认导入 3 个订单' }).click();

  await expect(page.getByTestId('import-result')).toContainText('新增 3 个，更新 0 个，0 行未能导入');
  const stored = await testDb().order.findUniqueOrThrow({ where: { caseId_orderNo: { caseId: c.id, orderNo: '3012345678901234572' } } });
  expect(stored).toMatchObject({ itemTitle: '保温杯, 500ml', amountCents: 8900, trackingNo: 'SF1234567890124', carrier: '顺丰速运' });
  const multiLine = await testDb().order.findUniqueOrThrow({ where: { caseId_orderNo: { caseId: c.id, orderNo: '3012345678901234573' } } });
  expect(multiLine.itemTitle).toBe('袜子 10 双装');
});

test('a skipped broken row is left out, and remapping a column changes the count of problems', async ({ page, user }) => {
  const c = await createCase(user.id);
  await page.goto(`/cases/${c.id}/orders`);
  await page.getByLabel('订单文件').setInputFiles({ name: 'orders.csv', mimeType: 'text/csv', buffer: shapeCsv });
  await page.getByRole('button', { name: '上传并预览' }).click();
  const preview = page.getByTestId('import-preview');
  await expect(preview).toContainText('可导入 2 个订单，1 行有问题');
  // The tracking number column mapped as the amount: every row's amount is now unreadable.
  await preview.getByLabel('实付金额对应的列').selectOption({ label: '物流公司' });
  await expect(preview).toContainText('可导入 2 个订单，3 行有问题');
  await expect(preview.getByRole('table')).toContainText('金额无法识别');
  await shot(preview.getByRole('table'), 'shape-cell-errors');
  await preview.getByLabel('实付金额对应的列').selectOption({ label: '买家实际支付金额' });
  await preview.getByTestId('broken-row-3').getByLabel('跳过这一行').check();
  await expect(preview).toContainText('可导入 2 个订单，0 行有问题');
  await preview.getByRole('button', { name: '确认导入 2 个订单' }).click();
  await expect(page.getByTestId('import-result')).toContainText('新增 2 个');
  expect(await testDb().order.count({ where: { caseId: c.id } })).toBe(2);
});
