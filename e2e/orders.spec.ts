import { testDb } from './support/db';
import { createCase, expect, test } from './support/fixtures';

test('paste the notice’s order numbers, see them flagged, unflag one', async ({ page, user }) => {
  const c = await createCase(user.id);
  await page.goto(`/cases/${c.id}/orders`);
  await page.getByLabel('粘贴订单号').fill('3012345678901234567\n3012345678901234568，3012345678901234567 订单号');
  await page.getByRole('button', { name: '添加订单' }).click();
  await expect(page.getByTestId('paste-result')).toContainText('新增 2 个订单');
  await expect(page.getByTestId('paste-result')).toContainText('有 1 项不是订单号');

  const table = page.getByTestId('orders-table');
  await expect(table.getByRole('row')).toHaveCount(3);
  // 19 digits, exactly: never rounded through a float.
  await expect(table).toContainText('3012345678901234567');
  await expect(page.getByRole('link', { name: '被判定（2）', exact: true })).toBeVisible();

  await page.getByRole('button', { name: '取消标记订单 3012345678901234568' }).click();
  await expect(page.getByRole('link', { name: '被判定（1）', exact: true })).toBeVisible();
  await page.getByRole('link', { name: '被判定（1）', exact: true }).click();
  await expect(table.getByRole('row')).toHaveCount(2);

  // Pasting the same numbers again adds nothing.
  await page.getByLabel('粘贴订单号').fill('3012345678901234567');
  await page.getByRole('button', { name: '添加订单' }).click();
  await expect(page.getByTestId('paste-result')).toContainText('新增 0 个订单，1 个已在列表中');
  expect(await testDb().order.count({ where: { caseId: c.id } })).toBe(2);
});
