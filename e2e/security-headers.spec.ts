import type { Page } from '@playwright/test';
import sharp from 'sharp';
import { STEP_IDS } from '../lib/cases/steps';
import { createExportableCase } from './support/exportable-case';
import { testDb } from './support/db';
import { expect, signUp, test } from './support/fixtures';
import { foreignSite } from './support/foreign-site';

declare global {
  interface Window {
    cspViolations: string[];
  }
}

function expectCommonHeaders(headers: Record<string, string>, where: string) {
  expect(headers['referrer-policy'], where).toBe('same-origin');
  expect(headers['x-content-type-options'], where).toBe('nosniff');
  expect(headers['x-frame-options'], where).toBe('DENY');
  // The e2e server runs on plain http: no HSTS, which would be ignored there anyway.
  expect(headers['strict-transport-security'], where).toBeUndefined();
}

function expectPageHeaders(headers: Record<string, string>, where: string) {
  expectCommonHeaders(headers, where);
  const csp = headers['content-security-policy'] ?? '';
  for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"]) expect(csp, where).toContain(directive);
  expect(csp, where).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
}

/** Records every CSP violation the page reports, from before its first script runs. */
async function watchViolations(page: Page) {
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`));
  });
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /content security policy/i.test(message.text())) consoleErrors.push(message.text());
  });
  return consoleErrors;
}

test('every page and API answer carries the security headers, and pages run under the CSP', async ({ page, user, browser }) => {
  const c = await createExportableCase(user.id);
  const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#1a7f37' } }).png().toBuffer();
  expect((await page.request.post(`/api/cases/${c.id}/evidence?name=${encodeURIComponent('发票.png')}&category=invoice`, { data: png })).status()).toBe(201);
  const consoleErrors = await watchViolations(page);

  for (const path of ['/cases', `/cases/${c.id}`, ...STEP_IDS.map((step) => `/cases/${c.id}/${step}`)]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    expectPageHeaders(response!.headers(), path);
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    expect(await page.evaluate(() => window.cspViolations), path).toEqual([]);
  }
  // The thumbnail (an image from our API) shows under img-src.
  await page.goto(`/cases/${c.id}/evidence`);
  await expect(page.getByRole('img', { name: /发票\.png/ })).toHaveJSProperty('complete', true);
  expect(await page.getByRole('img', { name: /发票\.png/ }).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);

  // Hydrated despite the policy: a client-side form opens, and switching language re-renders.
  await page.goto('/cases');
  await page.getByRole('button', { name: '重命名' }).click();
  await expect(page.getByLabel('新标题')).toBeVisible();
  expect(await page.evaluate(() => window.cspViolations)).toEqual([]);

  const api = await page.request.get(`/api/cases/${c.id}/export`);
  expectCommonHeaders(api.headers(), 'API');
  expect(api.headers()['content-security-policy']).toContain('sandbox');

  const visitor = await browser.newContext();
  const anonymous = await visitor.newPage();
  const anonymousErrors = await watchViolations(anonymous);
  for (const path of ['/login', '/register', '/']) {
    const response = await anonymous.goto(path);
    expectPageHeaders(response!.headers(), path);
    await expect(anonymous.getByRole('heading', { level: 1 }).first()).toBeVisible();
    expect(await anonymous.evaluate(() => window.cspViolations), path).toEqual([]);
  }
  await visitor.close();
  expect([...consoleErrors, ...anonymousErrors]).toEqual([]);
});

test('a form posted before the page hydrates still reaches its server action', async ({ browser }) => {
  // Under Referrer-Policy: no-referrer a browser sends "Origin: null" on a form post, and Next.js
  // refuses the action: a merchant on a slow phone would lose what they typed.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const user = await signUp(page.request);
  await page.goto('/cases');
  await page.getByLabel('申诉标题').fill('无脚本也能创建');
  await page.getByLabel('平台').selectOption('tmall');
  await page.getByRole('button', { name: '创建并开始填写' }).click();
  await expect(page.getByRole('heading', { name: '基本信息' })).toBeVisible();
  expect(await testDb().case.count({ where: { userId: user.id, title: '无脚本也能创建' } })).toBe(1);
  await context.close();
});

test('an HTML original downloads as sandboxed bytes under its own name, never as a page of ours', async ({ page, user }) => {
  const c = await createExportableCase(user.id);
  const html = '<!doctype html><meta charset="utf-8"><title>ran</title><p>买家聊天记录</p><script>document.title = "ran"</script>';
  const upload = await page.request.post(`/api/cases/${c.id}/evidence?name=${encodeURIComponent('聊天记录.html')}&category=chat`, { data: Buffer.from(html) });
  expect(upload.status()).toBe(201);
  const { evidenceId } = (await upload.json()) as { evidenceId: string };

  const original = await page.request.get(`/api/cases/${c.id}/evidence/${evidenceId}/original`);
  expect(original.headers()['content-type']).toBe('application/octet-stream');
  expect(original.headers()['content-security-policy']).toMatch(/(^|; )sandbox(;|$)/);
  expect(original.headers()['x-content-type-options']).toBe('nosniff');
  expect(original.headers()['content-disposition']).toBe(`attachment; filename="____.html"; filename*=UTF-8''${encodeURIComponent('聊天记录.html')}`);
  expect(await original.text()).toBe(html);

  // From the evidence step, the link saves the file and the merchant stays where they were.
  await page.goto(`/cases/${c.id}/evidence`);
  const saved = page.waitForEvent('download');
  await page.getByRole('link', { name: '下载原件' }).click();
  expect((await saved).suggestedFilename()).toBe('聊天记录.html');
  await expect(page).toHaveURL(new RegExp(`/cases/${c.id}/evidence$`));
});

test('another origin framing the app shows nothing of it', async ({ page, user, baseURL }) => {
  const c = await createExportableCase(user.id);
  const framed = new URL('/cases', baseURL).href;
  const site = await foreignSite(`<!doctype html><title>frame</title><iframe src="${framed}" title="app" width="800" height="600"></iframe>`);
  const served = page.waitForResponse((r) => r.url() === framed);
  await page.goto(site.origin);
  // The signed-in list was sent (the cookie went along), and the browser refused to show it.
  expect((await served).status()).toBe(200);
  await expect.poll(() => page.frames().find((f) => f !== page.mainFrame())?.url()).toMatch(/^chrome-error:/);
  await expect(page.frameLocator('iframe').getByText(c.title)).toHaveCount(0);
  await site.close();
});
