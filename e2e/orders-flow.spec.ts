import { createCase, expect, test } from './support/fixtures';

const CSV = [
  '\uFEFF订单编号,买家会员名,买家实际支付金额,订单创建时间,订单付款时间,宝贝标题,物流单号,物流公司',
  '="3012345678901230001",tb_a,￥59.00,2026-11-11 10:00:00,2026-11-11 10:01:00,保温杯,="SF1234567890123",顺丰速运',
  '="3012345678901230002",tb_b,￥59.00,2026-11-11 10:05:00,2026-11-11 10:06:00,保温杯,="SF1234567890123",顺丰速运',
  '="3012345678901230003",tb_c,￥59.00,2026-11-11 11:00:00,2026-11-11 11:01:00,保温杯,="SF1234567890999",顺丰速运',
].join('\n');

test('import through the preview, flag orders, see a finding, explain it, find it after a reload', async ({ page, user }) => {
  const c = await createCase(user.id);
  await page.goto(`/cases/${c.id}/orders`);
  await page.getByLabel('订单文件').setInputFiles({ name: 'orders.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') });
  await page.getByRole('button', { name: '上传并预览' }).click();
  await page.getByTestId('import-preview').getByRole('button', { name: '确认导入 3 个订单' }).click();
  await expect(page.getByTestId('import-result')).toContainText('新增 3 个');

  await page.getByLabel('粘贴订单号').fill('3012345678901230001 3012345678901230002');
  await page.getByRole('button', { name: '添加订单' }).click();
  await expect(page.getByTestId('paste-result')).toContainText('新增 0 个订单，2 个已在列表中');
  await expect(page.getByRole('link', { name: '被判定（2）', exact: true })).toBeVisible();

  await page.getByRole('link', { name: '有疑点' }).click();
  await expect(page.getByTestId('orders-table').getByRole('row')).toHaveCount(3);

  await page.getByRole('navigation', { name: '申诉步骤' }).getByRole('link', { name: /自查/ }).click();
  const shared = page.locator('[data-rule="trackingShared"]');
  await expect(shared).toContainText('涉及 2 个订单（其中 2 个被判定）');
  await shared.getByLabel('您的说明').fill('同一位买家的两个订单合并发货。');
  await expect(shared.getByTestId('note-status')).toHaveAttribute('data-status', 'saved');
  await page.reload();
  await expect(shared.getByLabel('您的说明')).toHaveValue('同一位买家的两个订单合并发货。');
});

test('type one order by hand', async ({ page, user }) => {
  const c = await createCase(user.id);
  await page.goto(`/cases/${c.id}/orders`);
  await page.getByText('手动添加一个订单').click();
  const form = page.getByTestId('manual-order-form');
  await form.getByLabel('订单号').fill('abc');
  await form.getByRole('button', { name: '添加' }).click();
  await expect(form.locator('#manual-orderNo-error')).toHaveText('格式不正确，请检查。');
  await form.getByLabel('订单号').fill('3012345678901239999');
  await form.getByLabel('实付金额').fill('1,299.50');
  await form.getByRole('button', { name: '添加' }).click();
  await expect(page.getByTestId('orders-table')).toContainText('¥1,299.50');
  await expect(page.getByRole('link', { name: '被判定（1）', exact: true })).toBeVisible();
});
