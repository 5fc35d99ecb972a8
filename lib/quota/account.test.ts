import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCase, deleteCase, listCases, tryCreateCase } from '@/lib/cases/repository';
import { db } from '@/lib/db/client';
import { makeUser } from '@/lib/testing/factories';

let userId: string;
const input = { title: '双十一订单申诉', platform: 'tmall' as const, appealDeadline: null };

beforeEach(async () => {
  userId = (await makeUser()).id;
  process.env.MAX_CASES_PER_ACCOUNT = '3';
});
afterEach(() => {
  delete process.env.MAX_CASES_PER_ACCOUNT;
});

describe('cases per account', () => {
  it('lets only one of two concurrent creates through at one below the cap', async () => {
    await createCase(userId, input);
    await createCase(userId, input);
    const results = await Promise.all([tryCreateCase(userId, input), tryCreateCase(userId, input)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, error: 'tooManyCases', limit: 3 });
    expect(await listCases(userId)).toHaveLength(3);
  });

  it('frees a slot when a case is deleted', async () => {
    const first = await createCase(userId, input);
    await createCase(userId, input);
    await createCase(userId, input);
    expect((await tryCreateCase(userId, input)).ok).toBe(false);
    await deleteCase(userId, first.id);
    expect((await tryCreateCase(userId, input)).ok).toBe(true);
    expect(await db.accountUsage.findUniqueOrThrow({ where: { userId } })).toMatchObject({ caseCount: 3 });
  });

  it('counts each account on its own', async () => {
    const other = (await makeUser()).id;
    for (let i = 0; i < 3; i++) await createCase(userId, input);
    expect((await tryCreateCase(other, input)).ok).toBe(true);
  });

  it('counts cases an account already had before the counters existed', async () => {
    for (let i = 0; i < 3; i++) await db.case.create({ data: { userId, ...input } });
    expect(await tryCreateCase(userId, input)).toMatchObject({ ok: false, error: 'tooManyCases' });
  });
});
