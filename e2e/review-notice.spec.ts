import { testDb } from './support/db';
import { chinaDate } from './support/dates';
import { createCase, expect, test } from './support/fixtures';
import { shot } from './support/shots';

const WHAT_HAPPENED = '2026 年 11 月 12 日收到平台通知，称店铺在双十一期间存在虚假交易，涉及 36 笔订单。我们逐笔核对了订单、聊天记录、发货底单和物流签收记录，确认这些订单均由真实买家下单、付款并签收。';
const NOTICE = '【违规通知】尊敬的商家：您好！经平台排查，您的店铺存在虚假交易行为。\n涉及订单：3012345678901234567';

async function completeCase(userId: string) {
  const c = await createCase(userId, { appealDeadline: chinaDate(20) });
  await testDb().case.update({
    where: { id: c.id },
    data: {
      shopName: '小明数码旗舰店', shopId: '58861234', incidentKind: 'platformFlag', noticeDate: chinaDate(-1), contactName: '王小明', contactPhone: '138 1234 5678',
      statement: JSON.stringify({ whatHappened: WHAT_HAPPENED, whyGenuine: '均为真实买家。', evidence: '发票与物流。', context: '', prevention: '' }),
    },
  });
  return c;
}

test('a case with neither flagged orders nor evidence cannot be exported, and the review says what to do', async ({ page, user }) => {
  const c = await completeCase(user.id);
  await page.goto(`/cases/${c.id}/review`);
  await expect(page.getByTestId('review-status')).toHaveAttribute('data-ready', 'false');
  const errors = page.getByTestId('review-errors');
  await expect(errors).toContainText('还没有上传任何证据文件');
  await expect(errors).toContainText('没有被判定的订单，也没有证据文件');
  await expect(errors.getByRole('link', { name: '去修改' }).first()).toHaveAttribute('href', `/cases/${c.id}/evidence?check=1`);
  await expect(errors.getByRole('link', { name: '去修改' }).nth(1)).toHaveAttribute('href', `/cases/${c.id}/orders?check=1`);
  // Nothing to tick them away with: they are errors, not warnings.
  await expect(page.getByRole('checkbox', { name: /证据文件/ })).toHaveCount(0);

  // The server refuses too, whatever the page shows.
  const refused = await page.request.post(`/api/cases/${c.id}/export`, { data: {} });
  expect(refused.status()).toBe(409);
  expect(((await refused.json()) as { problems: string[] }).problems).toEqual(expect.arrayContaining(['noEvidence', 'noFlaggedOrdersNoEvidence']));
  expect((await testDb().case.findUniqueOrThrow({ where: { id: c.id } })).status).toBe('draft');

  // With a file but still no flagged order, it is a warning the merchant may confirm (a police inquiry).
  await testDb().evidence.create({ data: { caseId: c.id, storageKey: 'none', sha256: 'a'.repeat(64), size: 1, mime: 'image/png', kind: 'png', originalName: 'chat.png', uploadedBy: user.id, category: 'chat' } });
  await page.reload();
  await expect(page.getByTestId('review-errors')).toHaveCount(0);
  await page.getByRole('checkbox', { name: /还没有标记任何被判定的订单/ }).check();
  await expect(page.getByTestId('review-status')).toHaveAttribute('data-ready', 'true');
});

test('the statement reads as text on a phone, and the notice’s text is kept from the basics step', async ({ page, user }) => {
  const c = await completeCase(user.id);
  await page.goto(`/cases/${c.id}/basics`);
  await page.getByLabel('通知原文').fill(NOTICE);
  await page.getByLabel('通知原文').blur();
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
  await page.reload();
  await expect(page.getByLabel('通知原文')).toHaveValue(NOTICE);
  await shot(page.locator('.field').filter({ has: page.getByLabel('通知原文') }), 'table-basics-notice');
  expect((await testDb().case.findUniqueOrThrow({ where: { id: c.id } })).noticeText).toBe(NOTICE);

  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto(`/cases/${c.id}/review`);
  const statement = page.locator('dd').filter({ hasText: '2026 年 11 月 12 日收到平台通知' });
  await expect(statement).toBeVisible();
  // The text takes the card's width (it was squeezed to six characters a line).
  expect((await statement.boundingBox())!.width).toBeGreaterThan(250);
  await expect(page.locator('dd').filter({ hasText: '【违规通知】尊敬的商家' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await shot(page, 'table-review-360', { fullPage: true });
});
