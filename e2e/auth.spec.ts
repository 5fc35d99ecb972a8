import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { createCase, PASSWORD, signUp } from './support/fixtures';

test('register, create a case, move on, log out, log back in and resume at the same step', async ({ page }) => {
  const email = `merchant-${randomUUID().slice(0, 8)}@example.com`;
  await page.goto('/register');
  await page.getByLabel('称呼').fill('李店长');
  await page.getByLabel('邮箱').fill(email);
  await page.getByRole('textbox', { name: '密码', exact: true }).fill(PASSWORD);
  await page.getByLabel('确认密码').fill(PASSWORD);
  await page.getByRole('button', { name: '注册' }).click();

  await expect(page.getByRole('heading', { name: '我的申诉', level: 1 })).toBeVisible();
  await page.getByLabel('申诉标题').fill('双十一大促订单申诉');
  await page.getByLabel('平台').selectOption('tmall');
  await page.getByRole('button', { name: '创建并开始填写' }).click();

  await expect(page).toHaveURL(/\/cases\/[^/]+\/basics$/);
  const caseUrl = page.url().replace(/\/basics$/, '');
  await page.getByRole('navigation', { name: '申诉步骤' }).getByRole('link', { name: /申诉说明/ }).click();
  await expect(page).toHaveURL(`${caseUrl}/statement`);
  await expect(page.getByRole('heading', { name: '申诉说明', level: 2 })).toBeVisible();

  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto('/cases');
  await expect(page).toHaveURL(/\/login\?next=%2Fcases/);

  await page.getByLabel('邮箱').fill(email);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('case-item')).toHaveCount(1);
  await expect(page.getByTestId('case-item')).toContainText('申诉说明');
  await page.getByRole('link', { name: '双十一大促订单申诉' }).click();
  await expect(page).toHaveURL(`${caseUrl}/statement`);
});

test('a logged-out visit to a step comes back to that step after logging in', async ({ page, browser }) => {
  const user = await signUp(page.request);
  const owned = await createCase(user.id, { title: '回访测试' });
  const fresh = await browser.newContext();
  const visitor = await fresh.newPage();
  await visitor.goto(`/cases/${owned.id}/logistics`);
  await expect(visitor).toHaveURL(/\/login\?next=/);
  await visitor.getByLabel('邮箱').fill(user.email);
  await visitor.getByLabel('密码').fill(user.password);
  await visitor.getByRole('button', { name: '登录' }).click();
  await expect(visitor).toHaveURL(`/cases/${owned.id}/logistics`);
  await expect(visitor.getByRole('heading', { name: '物流信息', level: 2 })).toBeVisible();
  await fresh.close();
});

test('a wrong password is refused with a clear message', async ({ page, browser }) => {
  const user = await signUp(page.request);
  const fresh = await browser.newContext();
  const visitor = await fresh.newPage();
  await visitor.goto('/login');
  await visitor.getByLabel('邮箱').fill(user.email);
  await visitor.getByLabel('密码').fill('NotThePassword1');
  await visitor.getByRole('button', { name: '登录' }).click();
  await expect(visitor.getByRole('alert').filter({ hasText: '邮箱或密码不正确' })).toBeVisible();
  await expect(visitor).toHaveURL(/\/login/);
  await fresh.close();
});

test('sign-up explains a taken email, a weak password and a mismatch', async ({ page, browser }) => {
  const user = await signUp(page.request);
  const fresh = await browser.newContext();
  const visitor = await fresh.newPage();
  await visitor.goto('/register');
  await visitor.getByLabel('称呼').fill('王');
  await visitor.getByLabel('邮箱').fill(user.email);
  await visitor.getByRole('textbox', { name: '密码', exact: true }).fill('abcdefgh');
  await visitor.getByLabel('确认密码').fill('abcdefgx');
  await visitor.getByRole('button', { name: '注册' }).click();
  await expect(visitor.getByText('密码至少 8 位，且需同时包含字母和数字。')).toBeVisible();
  await expect(visitor.getByText('两次输入的密码不一致。')).toBeVisible();

  await visitor.getByRole('textbox', { name: '密码', exact: true }).fill(PASSWORD);
  await visitor.getByLabel('确认密码').fill(PASSWORD);
  await visitor.getByRole('button', { name: '注册' }).click();
  await expect(visitor.getByRole('alert').filter({ hasText: '该邮箱已注册' })).toBeVisible();
  await fresh.close();
});

test('the server refuses a weak password even when the browser check is skipped', async ({ request }) => {
  const response = await request.post('/api/auth/sign-up/email', {
    data: { name: 'x', email: `weak-${randomUUID().slice(0, 8)}@example.com`, password: 'aaaaaaaa' },
  });
  expect(response.status()).toBe(400);
  expect((await response.json()).code).toBe('WEAK_PASSWORD');
});

test('repeated failed logins for one account are paused', async ({ page, browser }) => {
  const user = await signUp(page.request);
  const fresh = await browser.newContext();
  const statuses: number[] = [];
  for (let i = 0; i < 6; i++) {
    const response = await fresh.request.post('/api/auth/sign-in/email', { data: { email: user.email, password: `Wrong${i}pass` } });
    statuses.push(response.status());
  }
  expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  // Even the right password waits out the pause.
  const right = await fresh.request.post('/api/auth/sign-in/email', { data: { email: user.email, password: user.password } });
  expect(right.status()).toBe(429);
  await fresh.close();
});
