import { upsertTestOrders } from './support/orders';
import { createCase, expect, test } from './support/fixtures';

test('each flagged order’s tracking number is checked; a pasted timeline is read; coverage shows what is missing', async ({ page, user }) => {
  const c = await createCase(user.id);
  await upsertTestOrders(c.id, [
    { orderNo: '3012345678901234501', flagged: true, trackingNo: 'SF1234567890123', carrier: '顺丰速运' },
    { orderNo: '3012345678901234502', flagged: true, trackingNo: '12345', carrier: '中通快递' },
    { orderNo: '3012345678901234503' },
  ]);
  await page.goto(`/cases/${c.id}/logistics`);
  const first = page.locator('[data-order="3012345678901234501"]');
  const second = page.locator('[data-order="3012345678901234502"]');
  await expect(page.getByTestId('logistics-order')).toHaveCount(2);
  await expect(first.getByTestId('tracking-check')).toHaveAttribute('data-status', 'ok');
  await expect(second.getByTestId('tracking-check')).toHaveAttribute('data-status', 'formatMismatch');
  await expect(second.getByTestId('tracking-check')).toContainText('不符合中通快递的格式');

  const coverage = page.getByTestId('coverage');
  await expect(coverage.getByRole('row').filter({ hasText: '3012345678901234501' })).toContainText('有');
  await expect(coverage.getByRole('row').filter({ hasText: '3012345678901234502' }).getByRole('cell').nth(1)).toHaveText('缺');

  await second.getByLabel('运单号').fill('75312345678901');
  await second.getByLabel('物流轨迹（可选）').fill('2026-11-12 14:03:21 【杭州市】快件已由 西湖区文三路驿站 代收\n2026-11-11 09:00:00 【金华市】中通快递 已揽收');
  await second.getByRole('button', { name: '保存' }).click();
  await expect(second.getByTestId('tracking-check')).toHaveAttribute('data-status', 'ok');
  await expect(second.getByTestId('history-summary')).toContainText('识别出 2 条带时间的记录');

  await page.reload();
  await expect(second.getByLabel('运单号')).toHaveValue('75312345678901');
  await expect(coverage.getByRole('row').filter({ hasText: '3012345678901234502' }).getByRole('cell').nth(1)).toHaveText('有');
});
