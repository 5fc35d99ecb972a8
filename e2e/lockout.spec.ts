import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { signUp } from './support/fixtures';
import { shot } from './support/shots';

test('a lock-out attempt from another browser does not stop the owner, who signed in here before', async ({ page, browser }) => {
  const owner = await signUp(page.request);
  // The owner signs out: the browser keeps only its known-device cookie.
  await page.goto('/cases');
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login/);

  // The attacker guesses through the login form, as every browser here reaches the server
  // (Playwright's own request client may arrive over the other loopback, 127.0.0.1 or ::1).
  const attacker = await browser.newContext();
  const guesser = await attacker.newPage();
  await guesser.goto('/login');
  await guesser.getByLabel('邮箱').fill(owner.email);
  const statuses: number[] = [];
  for (let i = 0; i < 10; i++) {
    await guesser.getByLabel('密码').fill(`Guess${i}word`);
    const [response] = await Promise.all([
      guesser.waitForResponse((r) => r.url().endsWith('/api/auth/sign-in/email')),
      guesser.getByRole('button', { name: '登录' }).click(),
    ]);
    statuses.push(response.status());
    await expect(guesser.getByRole('button', { name: '登录' })).toBeEnabled();
  }
  expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429, 429]);
  await expect(guesser.getByRole('alert').filter({ hasText: /登录失败次数过多，请 \d+ 秒后再试。/ })).toBeVisible();
  await attacker.close();

  await page.getByLabel('邮箱').fill(owner.email);
  await page.getByLabel('密码').fill(owner.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('heading', { name: '我的申诉', level: 1 })).toBeVisible();

  // A browser that never signed in, on the same network as the attacker, waits, and is told how long.
  const fresh = await browser.newContext();
  const visitor = await fresh.newPage();
  await visitor.goto('/login');
  await visitor.getByLabel('邮箱').fill(owner.email);
  await visitor.getByLabel('密码').fill(owner.password);
  await visitor.getByRole('button', { name: '登录' }).click();
  const alert = visitor.getByRole('alert').filter({ hasText: /登录失败次数过多，请 \d+ 秒后再试。/ });
  await expect(alert).toBeVisible();
  await expect(visitor).toHaveURL(/\/login/);
  for (const width of [1280, 360]) {
    await visitor.setViewportSize({ width, height: 720 });
    await shot(visitor, `auth-lockout-${width}`);
  }
  await fresh.close();
});

test('made-up forwarded addresses do not give a client a fresh allowance', async ({ page, browser }) => {
  const owner = await signUp(page.request);
  const client = await browser.newContext();
  const statuses: number[] = [];
  for (let i = 0; i < 6; i++) {
    const response = await client.request.post('/api/auth/sign-in/email', {
      data: { email: owner.email, password: `Guess${i}word` },
      headers: { 'x-forwarded-for': `203.0.113.${i + 1}` },
    });
    statuses.push(response.status());
  }
  expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  await client.close();
});

test('registration refuses a common password with a clear message', async ({ page }) => {
  await page.goto('/register');
  await page.getByLabel('称呼').fill('赵店长');
  await page.getByLabel('邮箱').fill(`common-${randomUUID().slice(0, 8)}@example.com`);
  for (const password of ['password1', '12345678a']) {
    await page.getByRole('textbox', { name: '密码', exact: true }).fill(password);
    await page.getByLabel('确认密码').fill(password);
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/auth/sign-up/email')),
      page.getByRole('button', { name: '注册' }).click(),
    ]);
    expect(response.status()).toBe(400);
    await expect(page.getByRole('alert').filter({ hasText: '这个密码太常见' })).toBeVisible();
    await expect(page).toHaveURL(/\/register/);
  }
  await shot(page, 'auth-common-password-1280');
});
