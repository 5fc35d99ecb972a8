import { upsertTestOrders } from './support/orders';
import { createCase, expect, test } from './support/fixtures';

test('a finding is shown with its orders; the explanation is kept after a reload', async ({ page, user }) => {
  const c = await createCase(user.id);
  const at = (h: number) => new Date(Date.UTC(2026, 10, 11, h));
  await upsertTestOrders(c.id, [
    { orderNo: '3012345678901234501', flagged: true, orderedAt: at(1), paidAt: at(1), trackingNo: 'SF1234567890123', carrier: '顺丰速运', buyerName: '张*' },
    { orderNo: '3012345678901234502', flagged: true, orderedAt: at(2), paidAt: at(2), trackingNo: 'SF1234567890123', carrier: '顺丰速运', buyerName: '李*' },
    { orderNo: '3012345678901234503', orderedAt: at(3), paidAt: at(3), shippedAt: at(5), signedAt: at(4), trackingNo: 'SF1234567890999', carrier: '顺丰速运' },
  ]);
  await page.goto(`/cases/${c.id}/audit`);
  await expect(page.getByTestId('audit-summary')).toContainText('检查了 3 个订单');

  const shared = page.locator('[data-rule="trackingShared"]');
  await expect(shared).toContainText('2 个订单使用同一运单号');
  await expect(shared).toContainText('涉及 2 个订单（其中 2 个被判定）');
  await expect(page.locator('[data-rule="signedBeforeShipped"]')).toContainText('签收时间比发货时间早 60 分钟');

  await shared.getByLabel('您的说明').fill('两个订单是同一买家的合并发货，见聊天记录。');
  await expect(shared.getByTestId('note-status')).toHaveAttribute('data-status', 'saved');
  await shared.getByRole('checkbox', { name: '放进证据包' }).uncheck();
  await expect(shared.getByTestId('note-status')).toHaveAttribute('data-status', 'saved');

  await page.reload();
  await expect(shared.getByLabel('您的说明')).toHaveValue('两个订单是同一买家的合并发货，见聊天记录。');
  await expect(shared.getByRole('checkbox', { name: '放进证据包' })).not.toBeChecked();
});

test('a declared promotion marks a burst as explained but keeps it in the report', async ({ page, user }) => {
  const c = await createCase(user.id);
  // Eight quiet days of 2 orders, then a day of 30.
  const orders = [];
  for (let day = 1; day <= 8; day++) for (let i = 0; i < 2; i++) orders.push({ orderNo: `20261100${day}${i}00`, orderedAt: new Date(Date.UTC(2026, 10, day, 2 + i)) });
  for (let i = 0; i < 30; i++) orders.push({ orderNo: `2026111100${String(i).padStart(2, '0')}`, orderedAt: new Date(Date.UTC(2026, 10, 11, 2, i)) });
  await upsertTestOrders(c.id, orders);

  await page.goto(`/cases/${c.id}/audit`);
  const burst = page.locator('[data-rule="burstDay"]');
  await expect(burst).toContainText('2026-11-11 共 30 单');
  await expect(burst).not.toContainText('有您登记的促销活动');

  const form = page.getByTestId('promotion-form');
  await form.getByLabel('活动名称').fill('双十一大促');
  await form.getByLabel('开始日期').fill('2026-11-10');
  await form.getByLabel('结束日期').fill('2026-11-11');
  await form.getByRole('button', { name: '添加活动' }).click();
  await expect(burst).toContainText('有您登记的促销活动');
  await expect(burst).toContainText('2026-11-11 共 30 单');
});

test('with the ship-from province set, a cross-province parcel signed within hours is reported', async ({ page, user }) => {
  const c = await createCase(user.id);
  await upsertTestOrders(c.id, [
    { orderNo: '3012345678901234601', shippedAt: new Date('2026-11-11T02:00:00Z'), signedAt: new Date('2026-11-11T07:00:00Z'), address: '上海 上海市 浦东新区' },
  ]);
  await page.goto(`/cases/${c.id}/audit`);
  await expect(page.locator('[data-rule="signedTooFast"]')).toHaveCount(0);
  await page.getByTestId('ship-from').getByLabel('发货地').selectOption('浙江');
  await page.getByRole('button', { name: '保存发货地' }).click();
  await expect(page.locator('[data-rule="signedTooFast"]')).toContainText('从浙江发往上海属于跨省');
});
