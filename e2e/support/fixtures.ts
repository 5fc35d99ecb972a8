import { randomUUID } from 'node:crypto';
import { test as base, expect, type APIRequestContext } from '@playwright/test';
import { testDb } from './db';

export type TestUser = { id: string; name: string; email: string; password: string };

export const PASSWORD = 'Evidence2026';

/** Signs up through the auth API: the request's cookies are the browser context's, so the page is logged in. */
export async function signUp(request: APIRequestContext, name = '测试店主'): Promise<TestUser> {
  const email = `shop-${randomUUID().slice(0, 8)}@example.com`;
  const response = await request.post('/api/auth/sign-up/email', { data: { name, email, password: PASSWORD } });
  expect(response.ok(), await response.text()).toBeTruthy();
  const { user } = (await response.json()) as { user: { id: string } };
  return { id: user.id, name, email, password: PASSWORD };
}

type NewCase = { title?: string; platform?: string; appealDeadline?: Date | null; currentStep?: string };

/** A case inserted straight into the database, owned by `userId`. */
export function createCase(userId: string, input: NewCase = {}) {
  return testDb().case.create({
    data: { userId, title: input.title ?? '双十一订单申诉', platform: input.platform ?? 'tmall', appealDeadline: input.appealDeadline ?? null, currentStep: input.currentStep ?? 'basics' },
  });
}

export const test = base.extend<{ user: TestUser }>({
  user: async ({ page }, use) => {
    await use(await signUp(page.request));
  },
});

export { expect };
