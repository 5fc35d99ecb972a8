import path from 'node:path';
import type { Request } from '@playwright/test';
import { routeUrl, writeRoutes } from '../lib/testing/route-scan';
import { testDb } from './support/db';
import { createExportableCase } from './support/exportable-case';
import { createCase, expect, test } from './support/fixtures';
import { foreignSite } from './support/foreign-site';

const APP_DIR = path.resolve(import.meta.dirname, '..', 'app');

/** What a forged write could change: the case, its files and jobs, the user's sessions. */
async function snapshot(caseId: string, userId: string) {
  const db = testDb();
  return {
    case: await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { title: true, version: true, updatedAt: true } }),
    evidence: await db.evidence.count({ where: { caseId } }),
    orders: await db.order.count({ where: { caseId } }),
    jobs: await db.job.count({ where: { caseId } }),
    sessions: await db.session.count({ where: { userId } }),
  };
}

test('a write from another origin is refused on every state-changing route and changes nothing', async ({ page, user, baseURL }) => {
  const c = await createExportableCase(user.id);
  // No Origin and no Fetch Metadata: a script, not a browser, so it passes (and gives us an id).
  const upload = await page.request.post(`/api/cases/${c.id}/evidence?name=chat.txt&category=chat`, { data: Buffer.from('买家：已收到，谢谢'), headers: { 'content-type': 'application/octet-stream' } });
  expect(upload.status()).toBe(201);
  const { evidenceId } = (await upload.json()) as { evidenceId: string };
  const before = await snapshot(c.id, user.id);

  // Every route file in app/, read from disk: a route added later is attacked here too.
  const routes = writeRoutes(APP_DIR);
  expect(routes.length).toBeGreaterThanOrEqual(5);
  const forgeries: Record<string, string>[] = [
    { origin: 'http://localhost:4999', 'sec-fetch-site': 'same-site' },
    { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    { origin: 'http://localhost:4999' },
  ];
  for (const route of routes) {
    const url = routeUrl(route, { caseId: c.id, evidenceId, importId: 'import1', all: 'sign-out' });
    for (const headers of forgeries) {
      const response = await page.request.fetch(url, { method: route.method, headers: { ...headers, 'content-type': 'text/plain' }, data: '{}' });
      expect(response.status(), `${route.method} ${url} ${JSON.stringify(headers)}`).toBe(403);
    }
  }
  expect(await snapshot(c.id, user.id)).toEqual(before);

  // The same cookie from the app's own pages still works.
  const own = await page.request.post(`/api/cases/${c.id}/export`, { headers: { origin: new URL(baseURL!).origin, 'sec-fetch-site': 'same-origin' }, data: {} });
  expect(own.status()).toBe(202);
});

test('a page on another port of the same host cannot upload into the merchant’s case with their cookie', async ({ page, user, baseURL }) => {
  const c = await createCase(user.id, { currentStep: 'evidence' });
  const target = new URL(`/api/cases/${c.id}/evidence?name=planted.txt&category=other`, baseURL).href;
  const list = new URL('/cases', baseURL).href;
  const site = await foreignSite(
    `<!doctype html><title>loading</title><script>
      const send = (url, init) => fetch(url, { mode: 'no-cors', credentials: 'include', ...init });
      send(${JSON.stringify(list)}).then(() => send(${JSON.stringify(target)}, { method: 'POST', body: 'planted' })).then(() => { document.title = 'sent'; });
    </script>`,
  );
  const signedIn = page.waitForResponse((r) => r.url() === list);
  const attempt = page.waitForResponse((r) => r.url() === target);
  await page.goto(site.origin);
  // The browser sends this page's requests with the merchant's session (the list answers, no
  // redirect to the login page): only the origin check stands in the way.
  expect((await signedIn).status()).toBe(200);
  expect((await attempt).status()).toBe(403);
  await expect(page).toHaveTitle('sent');
  expect(await testDb().evidence.count({ where: { caseId: c.id } })).toBe(0);
  await site.close();
});

test('a server action replayed from another origin is refused; the same request from the app runs', async ({ page, user, baseURL }) => {
  const c = await createCase(user.id, { title: '原来的标题' });
  await page.goto('/cases');
  let captured: Request | undefined;
  // Catch the rename action on its way out, so the replays below are the only ones to arrive.
  await page.route((url) => url.pathname === '/cases', async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    captured = route.request();
    await route.abort();
  });
  await page.getByRole('button', { name: '重命名' }).click();
  await page.getByLabel('新标题').fill('改过的标题');
  await page.getByRole('button', { name: '保存' }).click();
  await expect.poll(() => captured).toBeTruthy();

  const sent = await captured!.allHeaders();
  expect(sent['next-action']).toBeTruthy();
  const replay = (extra: Record<string, string>) =>
    page.request.post(captured!.url(), {
      headers: { 'next-action': sent['next-action']!, 'content-type': sent['content-type']!, 'next-router-state-tree': sent['next-router-state-tree'] ?? '', accept: 'text/x-component', ...extra },
      data: captured!.postDataBuffer() ?? Buffer.alloc(0),
    });
  const title = async () => (await testDb().case.findUniqueOrThrow({ where: { id: c.id } })).title;

  expect((await replay({ origin: 'http://localhost:4999', 'sec-fetch-site': 'same-site' })).status()).toBe(403);
  expect((await replay({ origin: 'https://evil.example' })).status()).toBe(403);
  expect(await title()).toBe('原来的标题');
  expect((await replay({ origin: new URL(baseURL!).origin, 'sec-fetch-site': 'same-origin' })).ok()).toBe(true);
  expect(await title()).toBe('改过的标题');
});
