import type { Page } from '@playwright/test';
import { chinaDay } from './support/dates';
import { testDb } from './support/db';
import { createCase, expect, test } from './support/fixtures';

async function saved(page: Page) {
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
}

test('fill every step in Chinese, reload midway, switch to English, reach a clean review', async ({ page, user }) => {
  const c = await createCase(user.id, { title: '双十一订单申诉', platform: 'tmall' });
  await page.goto(`/cases/${c.id}/basics`);

  await page.getByLabel('店铺名称').fill('小明数码<b>旗舰店</b>');
  await page.getByLabel('店铺 ID').fill('58861234');
  await page.getByLabel('发生了什么').selectOption('platformFlag');
  await page.getByLabel('通知编号').fill('TM-2026-1187');
  await page.getByLabel('通知日期').fill(chinaDay(0));
  // Tmall's published window: the deadline is pre-filled three days after the notice.
  await expect(page.getByLabel('申诉截止日期')).toHaveValue(chinaDay(3));
  await page.getByLabel('联系人').fill('王小明');
  // Once saved, the countdown above every step shows the new deadline, as a warning.
  await expect(page.getByTestId('deadline')).toHaveAttribute('data-level', 'soon');

  // A validation error appears beside the field on leaving it, and goes when fixed.
  await page.getByLabel('联系电话').fill('12345');
  await page.getByLabel('联系电话').blur();
  await expect(page.locator('#field-contactPhone-error')).toContainText('电话号码格式不正确');
  await expect(page.getByLabel('联系电话')).toHaveAttribute('aria-invalid', 'true');
  await saved(page);
  // Even the invalid value was kept, and still shows its error after a reload.
  await page.reload();
  await expect(page.getByLabel('联系电话')).toHaveValue('12345');
  await expect(page.locator('#field-contactPhone-error')).toContainText('电话号码格式不正确');
  await page.getByLabel('联系电话').fill('138 1234 5678');
  await page.getByLabel('联系电话').blur();
  await expect(page.locator('#field-contactPhone-error')).toBeEmpty();
  await saved(page);

  await page.reload();
  await expect(page.getByLabel('店铺名称')).toHaveValue('小明数码<b>旗舰店</b>');
  await expect(page.getByLabel('申诉截止日期')).toHaveValue(chinaDay(3));
  await expect(page.getByLabel('发生了什么')).toHaveValue('platformFlag');
  await expect(page.getByRole('navigation', { name: '申诉步骤' }).getByRole('link', { name: /基本信息/ })).toContainText('已完成');

  await page.getByRole('link', { name: '涉及订单 →' }).click();
  await page.getByLabel('粘贴订单号').fill('3012345678901234567\n3012345678901234568');
  await page.getByRole('button', { name: '添加订单' }).click();
  await expect(page.getByTestId('paste-result')).toContainText('新增 2 个订单');
  for (const step of ['自查', '证据材料', '物流信息']) {
    await page.getByRole('link', { name: `${step} →` }).click();
    await expect(page.getByRole('heading', { name: step, level: 2 })).toBeVisible();
  }
  await page.getByRole('link', { name: '申诉说明 →' }).click();
  await page.getByRole('textbox', { name: '事情经过', exact: true }).fill('2026 年 11 月 12 日收到平台通知，涉及 36 笔订单。');
  await page.getByRole('textbox', { name: '为什么这些订单是真实的', exact: true }).fill('买家真实付款、收货。\n其中 8 位是老客户。');
  await page.getByRole('textbox', { name: '证据说明了什么', exact: true }).fill('附件为进货发票和签收记录。');
  await expect(page.getByTestId('statement-preview')).toContainText('二、订单真实性说明');
  await expect(page.getByTestId('statement-count')).toHaveAttribute('data-over', 'false');
  await saved(page);

  await page.reload();
  await expect(page.getByRole('textbox', { name: '为什么这些订单是真实的', exact: true })).toHaveValue('买家真实付款、收货。\n其中 8 位是老客户。');

  // A bundle needs at least one evidence file (uploading is covered by evidence.spec.ts).
  await testDb().evidence.create({ data: { caseId: c.id, storageKey: 'none', sha256: 'b'.repeat(64), size: 1, mime: 'image/png', kind: 'png', originalName: 'chat.png', uploadedBy: user.id, category: 'chat' } });
  await page.getByRole('link', { name: '核对 →' }).click();
  await expect(page.getByTestId('review-status')).toHaveAttribute('data-ready', 'false');
  await expect(page.getByTestId('review-errors')).toHaveCount(0);
  // The only thing left: the deadline is three days away, a warning to acknowledge.
  await page.getByRole('checkbox', { name: /距离申诉截止只剩 3 天/ }).check();
  await expect(page.getByTestId('review-status')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByText('小明数码<b>旗舰店</b>')).toBeVisible();

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Review', level: 2 })).toBeVisible();
  await expect(page.getByTestId('review-status')).toHaveAttribute('data-ready', 'true');
  await page.getByRole('navigation', { name: 'Appeal steps' }).getByRole('link', { name: /Statement/ }).click();
  await expect(page.getByRole('textbox', { name: 'What happened', exact: true })).toHaveValue('2026 年 11 月 12 日收到平台通知，涉及 36 笔订单。');
  // The statement stays in the platform's language: Tmall reviewers read Chinese.
  await expect(page.getByTestId('statement-preview')).toContainText('一、事情经过');

  const row = await testDb().case.findUniqueOrThrow({ where: { id: c.id } });
  // Complete: basics, orders, audit (no finding to answer), statement, review; evidence is begun (not linked), logistics not.
  expect(row).toMatchObject({ status: 'ready', completion: 71, contactPhone: '138 1234 5678', currentStep: 'statement' });
});

test('a save from a stale tab is a conflict, never a silent overwrite', async ({ page, user, context }) => {
  const c = await createCase(user.id, { platform: 'jd' });
  await page.goto(`/cases/${c.id}/basics`);
  const second = await context.newPage();
  await second.goto(`/cases/${c.id}/basics`);

  await page.getByLabel('店铺名称').fill('第一个标签页');
  await saved(page);

  await second.getByLabel('店铺名称').fill('第二个标签页');
  await expect(second.getByTestId('save-status')).toHaveAttribute('data-status', 'conflict');
  await expect(second.getByTestId('save-status')).toContainText('已在其他标签页或设备上修改');
  // The stale tab keeps what was typed, so it can be copied before reloading.
  await expect(second.getByLabel('店铺名称')).toHaveValue('第二个标签页');
  expect((await testDb().case.findUniqueOrThrow({ where: { id: c.id } })).shopName).toBe('第一个标签页');

  await second.getByRole('button', { name: '重新加载' }).click();
  await expect(second.getByLabel('店铺名称')).toHaveValue('第一个标签页');
});

test('the review lists missing fields and links to them; the deadline warns on every step', async ({ page, user }) => {
  const c = await createCase(user.id, { platform: 'taobao' });
  await testDb().case.update({ where: { id: c.id }, data: { appealDeadline: new Date(`${chinaDay(1)}T00:00:00Z`) } });
  await page.goto(`/cases/${c.id}/review`);
  const errors = page.getByTestId('review-errors');
  await expect(errors).toContainText('店铺名称：必填项未填写。');
  await expect(errors).toContainText('申诉说明“事情经过”一段还没有写。');
  await expect(page.getByRole('checkbox', { name: /没有公开的申诉时限/ })).toBeVisible();
  for (const step of ['review', 'orders', 'statement']) {
    await page.goto(`/cases/${c.id}/${step}`);
    await expect(page.getByTestId('deadline')).toHaveAttribute('data-level', 'soon');
  }
  await page.goto(`/cases/${c.id}/review`);
  await errors.getByRole('listitem').filter({ hasText: '店铺名称' }).getByRole('link', { name: '去修改' }).click();
  await expect(page).toHaveURL(/\/basics\?check=1#field-shopName$/);
  // Arriving from the review, every missing field is marked at once.
  await expect(page.locator('#field-shopName-error')).toHaveText('此项为必填。');
  await expect(page.locator('#field-contactName-error')).toHaveText('此项为必填。');
});

test('the form works by keyboard alone', async ({ page, user }) => {
  const c = await createCase(user.id);
  await page.goto(`/cases/${c.id}/basics`);
  await page.getByLabel('申诉标题').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('平台')).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.type('键盘输入的店铺');
  await expect(page.getByLabel('店铺名称')).toHaveValue('键盘输入的店铺');
  await saved(page);
});

test('a failed save keeps the input, says so, and retries by itself', async ({ page, user }) => {
  const c = await createCase(user.id);
  await page.goto(`/cases/${c.id}/basics`);
  let dropped = 0;
  // Autosave is a server action: a POST to the page. Drop the first one as a broken network would.
  await page.route(`**/cases/${c.id}/basics`, async (route) => {
    if (route.request().method() === 'POST' && dropped === 0) {
      dropped += 1;
      await route.abort('connectionreset');
      return;
    }
    await route.continue();
  });
  await page.getByLabel('店铺名称').fill('网络不稳定时输入');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'failed');
  await expect(page.getByTestId('save-status')).toContainText('保存失败');
  await expect(page.getByLabel('店铺名称')).toHaveValue('网络不稳定时输入');
  await saved(page);
  expect((await testDb().case.findUniqueOrThrow({ where: { id: c.id } })).shopName).toBe('网络不稳定时输入');
});
