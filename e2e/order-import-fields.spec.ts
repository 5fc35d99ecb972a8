import { testDb } from './support/db';
import { createCase, expect, test } from './support/fixtures';
import { shot } from './support/shots';

// A Douyin-shaped export: status and after-sales columns, and carrier and number in one 快递信息 cell.
const HEADER = '主订单编号,选购商品,商品数量,订单应付金额,订单提交时间,订单状态,售后状态,退款金额,快递信息';
const row = (n: number, status: string, afterSale: string, refund: string, logistics: string) =>
  `690000000000000000${n},纯棉T恤,1,99.00,2026-11-11 10:00:00,${status},${afterSale},${refund},${logistics}`;
const FIRST = [
  row(1, '已发货', '无售后', '', '中通快递:73100012345678'),
  row(2, '已完成', '退款成功', '30.00', 'YTO 圆通速递 YT1234567890123'),
  row(3, '待仓库复核', '', '', '"顺丰速运 SF1234567890123; 中通 73100012345670"'),
  row(4, '已完成', '', '', '中通 圆通 73100012345679'),
];
const csv = (rows: string[]) => Buffer.from(`\uFEFF${HEADER}\r\n${rows.join('\r\n')}\r\n`);
const WIDTHS = [1280, 360];

test('status, refunds and a combined logistics cell are imported; unknown words are listed; a newer export updates the status', async ({ page, user }) => {
  const c = await createCase(user.id, { platform: 'douyin' });
  await page.goto(`/cases/${c.id}/orders`);
  const upload = async (rows: string[]) => {
    await page.getByLabel('订单文件').setInputFiles({ name: 'douyin-orders.csv', mimeType: 'text/csv', buffer: csv(rows) });
    await page.getByRole('button', { name: '上传并预览' }).click();
  };
  await upload(FIRST);
  const preview = page.getByTestId('import-preview');
  await expect(preview.getByLabel('订单状态对应的列')).toHaveValue('5');
  await expect(preview.getByLabel('售后/退款状态对应的列')).toHaveValue('6');
  await expect(preview.getByLabel('退款金额对应的列')).toHaveValue('7');
  await expect(preview.getByLabel('快递信息（公司和单号在同一格）对应的列')).toHaveValue('8');
  const errors = preview.getByTestId('row-errors');
  await expect(errors).toContainText('第 4 行（订单状态）：不认识这个订单或售后状态');
  await expect(errors).toContainText('第 5 行（快递信息）：无法确定哪部分是快递公司');
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await shot(preview, `fields-preview-${width}`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await preview.getByRole('button', { name: /确认导入/ }).click();
  await expect(page.getByTestId('import-result')).toContainText('新增 4 个');

  const stored = async (n: number) => testDb().order.findUniqueOrThrow({ where: { caseId_orderNo: { caseId: c.id, orderNo: `690000000000000000${n}` } } });
  expect(await stored(1)).toMatchObject({ status: 'shipped', statusText: '已发货', carrier: '中通快递', trackingNo: '73100012345678' });
  expect(await stored(2)).toMatchObject({ status: 'partiallyRefunded', statusText: '已完成 · 退款成功', refundCents: 3000, trackingNo: 'YT1234567890123' });
  expect(await stored(3)).toMatchObject({ status: null, statusText: '待仓库复核', trackingNo: 'SF1234567890123; 73100012345670' });
  expect(await stored(4)).toMatchObject({ status: 'completed', trackingNo: null, carrier: null });

  // The next week's export: the shipped order was signed for and then refunded in full.
  await upload([row(1, '已完成', '退款成功', '99.00', '中通快递:73100012345678'), ...FIRST.slice(1)]);
  await page.getByTestId('import-preview').getByRole('button', { name: /确认导入/ }).click();
  await expect(page.getByTestId('import-result')).toContainText('新增 0 个，更新 1 个');
  expect(await stored(1)).toMatchObject({ status: 'refunded', statusText: '已完成 · 退款成功', refundCents: 9900 });
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await shot(page.getByTestId('orders-table'), `fields-table-${width}`);
  }
});
