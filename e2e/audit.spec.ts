import { upsertTestOrders } from './support/orders';
import { createCase, expect, test } from './support/fixtures';

const at = (day: number, h: number) => new Date(Date.UTC(2026, 10, day, h));
const no = (i: number) => `30123456789012${String(i).padStart(5, '0')}`;

/** 25 parcels signed an hour before they shipped (one rule, 25 findings) and two orders on one waybill. */
function manyFindings() {
  return [
    ...Array.from({ length: 25 }, (_, i) => ({
      orderNo: no(i), flagged: i < 3, orderedAt: at(1 + (i % 9), 1), paidAt: at(1 + (i % 9), 1), shippedAt: at(1 + (i % 9), 5), signedAt: at(1 + (i % 9), 4),
      trackingNo: `SF12345678${String(i).padStart(5, '0')}`, carrier: '顺丰速运',
    })),
    { orderNo: no(90), orderedAt: at(2, 2), paidAt: at(2, 2), trackingNo: 'SF1234567899999', carrier: '顺丰速运' },
    { orderNo: no(91), orderedAt: at(3, 2), paidAt: at(3, 2), trackingNo: 'SF1234567899999', carrier: '顺丰速运' },
  ];
}

test('a whole rule is explained at once, one finding differently, another rule left out; the navigator follows', async ({ page, user }) => {
  const c = await createCase(user.id);
  await upsertTestOrders(c.id, manyFindings());
  await page.goto(`/cases/${c.id}/audit`);
  const nav = page.getByRole('navigation', { name: '申诉步骤' }).getByRole('link', { name: /自查/ });
  await expect(page.getByTestId('audit-summary')).toContainText('检查了 27 个订单，发现 26 个疑点，归为 2 类');
  await expect(nav).toContainText('进行中');

  const signed = page.locator('[data-rule="signedBeforeShipped"]');
  await expect(signed.getByTestId('group-counts')).toContainText('25 个疑点 · 涉及 25 个订单 · 其中 3 个被平台判定');
  await expect(signed.locator('[data-finding]')).toHaveCount(10);
  await expect(signed.getByTestId('group-page')).toHaveText('第 1 / 3 页');
  await expect(signed.getByTestId('finding-state').first()).toHaveText('尚未说明');

  const ruleNote = signed.getByLabel('这一类的说明（适用于全部 25 个疑点）');
  await ruleNote.fill('快递员揽收后才在系统补录发货时间，签收时间是真实的，见物流轨迹截图。');
  await expect(signed.getByTestId('note-status').first()).toHaveAttribute('data-status', 'saved');

  await page.reload();
  await expect(ruleNote).toHaveValue('快递员揽收后才在系统补录发货时间，签收时间是真实的，见物流轨迹截图。');
  await expect(signed.getByTestId('group-state')).toHaveText('已处理');
  await expect(signed.getByTestId('finding-state').filter({ hasText: '沿用这一类的说明' })).toHaveCount(10);
  await signed.getByRole('link', { name: '下一页' }).click();
  await expect(signed.getByTestId('group-page')).toHaveText('第 2 / 3 页');
  await expect(signed.getByTestId('finding-state').filter({ hasText: '沿用这一类的说明' })).toHaveCount(10);

  // One finding on page 2 is explained on its own.
  const one = signed.locator('[data-finding]').first();
  const oneId = await one.getAttribute('data-finding');
  await one.getByRole('button', { name: '单独说明这一项' }).click();
  await one.getByLabel('这一项的单独说明').fill('这一单是买家到店自提，没有走快递。');
  await expect(one.getByTestId('note-status')).toHaveAttribute('data-status', 'saved');

  // The waybill rule is left out of the bundle as a whole.
  const shared = page.locator('[data-rule="trackingShared"]');
  await expect(shared.getByTestId('group-state')).toHaveText('待说明');
  await shared.getByRole('checkbox', { name: '把这一类放进证据包' }).uncheck();
  await expect(shared.getByTestId('note-status').first()).toHaveAttribute('data-status', 'saved');

  await page.reload();
  await expect(signed.getByTestId('group-page')).toHaveText('第 2 / 3 页');
  const again = page.locator(`[data-finding="${oneId}"]`);
  await expect(again.getByLabel('这一项的单独说明')).toHaveValue('这一单是买家到店自提，没有走快递。');
  await expect(signed.getByTestId('finding-state').filter({ hasText: '沿用这一类的说明' })).toHaveCount(9);
  await expect(shared.getByRole('checkbox', { name: '把这一类放进证据包' })).not.toBeChecked();
  await expect(shared.getByTestId('finding-state')).toHaveText('不放进证据包');
  await expect(page.getByTestId('audit-summary')).toContainText('已说明或选择不放进证据包的有 2 类');
  await expect(nav).toContainText('已完成');

  // Back to the rule's explanation: the override is gone.
  await again.getByRole('button', { name: '改回沿用这一类的说明' }).click();
  await expect(again.getByTestId('finding-state')).toHaveText('沿用这一类的说明');
  await page.reload();
  await expect(again.getByTestId('finding-state')).toHaveText('沿用这一类的说明');
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

test('masked phones are never a match, and the page says the same-phone check could not cover them', async ({ page, user }) => {
  const c = await createCase(user.id);
  // As the default import stores them: three orders within an hour to one masked number.
  await upsertTestOrders(c.id, [0, 1, 2].map((i) => ({ orderNo: no(i), orderedAt: at(2, 1 + i), paidAt: at(2, 1 + i), buyerPhone: '138****5678' })));
  await page.goto(`/cases/${c.id}/audit`);
  await expect(page.locator('[data-rule="samePhone"]')).toHaveCount(0);
  const unchecked = page.getByTestId('unchecked-contacts');
  await expect(unchecked).toContainText('3 个订单的手机号已脱敏或加密');
  await expect(unchecked).toContainText('保留买家完整姓名、电话和详细地址');
});
