import iconv from 'iconv-lite';
import { testDb } from './support/db';
import { createCase, expect, test } from './support/fixtures';

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
