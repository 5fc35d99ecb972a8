import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCase, deleteCase } from '@/lib/cases/repository';
import { db } from '@/lib/db/client';
import { makeUser } from '@/lib/testing/factories';
import { ensureAccountUsage } from './account';
import { releaseBytes, reserveBytes, storageUsage } from './storage';

const MB = 1024 * 1024;
let userId: string;
const newCase = async () => (await createCase(userId, { title: 't', platform: 'tmall', appealDeadline: null })).id;
const caseBytes = async (id: string) => Number((await db.case.findUniqueOrThrow({ where: { id } })).storedBytes);
const accountBytes = async () => Number((await db.accountUsage.findUniqueOrThrow({ where: { userId } })).storedBytes);

beforeEach(async () => {
  userId = (await makeUser()).id;
  process.env.EVIDENCE_MAX_CASE_MB = '100';
});
afterEach(() => {
  delete process.env.EVIDENCE_MAX_CASE_MB;
  delete process.env.ACCOUNT_MAX_STORAGE_MB;
});

describe('storage reservations', () => {
  it('lets exactly as many concurrent reservations through as fit in the case', async () => {
    const caseId = await newCase();
    await ensureAccountUsage(userId);
    expect(await reserveBytes(userId, caseId, 50 * MB)).toBeNull();
    // Six 20 MB uploads at once into 50 MB of room: two fit, four are refused.
    const results = await Promise.all(Array.from({ length: 6 }, () => reserveBytes(userId, caseId, 20 * MB)));
    expect(results.filter((r) => r === null)).toHaveLength(2);
    expect(results.filter((r) => r === 'caseFull')).toHaveLength(4);
    expect(await caseBytes(caseId)).toBe(90 * MB);
    // A refusal by the case gave its account reservation back.
    expect(await accountBytes()).toBe(90 * MB);
  });

  it('caps the whole account across its cases', async () => {
    process.env.ACCOUNT_MAX_STORAGE_MB = '150';
    const [a, b] = [await newCase(), await newCase()];
    await ensureAccountUsage(userId);
    const results = await Promise.all([a, b, a, b, a, b].map((id) => reserveBytes(userId, id, 40 * MB)));
    expect(results.filter((r) => r === null)).toHaveLength(3);
    expect(results.filter((r) => r === 'accountFull')).toHaveLength(3);
    expect(await accountBytes()).toBe(120 * MB);
    expect((await caseBytes(a)) + (await caseBytes(b))).toBe(120 * MB);
  });

  it('gives bytes back to both the case and the account', async () => {
    const caseId = await newCase();
    await ensureAccountUsage(userId);
    await reserveBytes(userId, caseId, 30 * MB);
    await releaseBytes(userId, caseId, 10 * MB);
    expect([await caseBytes(caseId), await accountBytes()]).toEqual([20 * MB, 20 * MB]);
  });

  it('takes a deleted case’s bytes off the account once, even if an upload releases afterwards', async () => {
    const [kept, doomed] = [await newCase(), await newCase()];
    await ensureAccountUsage(userId);
    await reserveBytes(userId, kept, 5 * MB);
    await reserveBytes(userId, doomed, 30 * MB);
    expect(await deleteCase(userId, doomed)).toBe(true);
    await releaseBytes(userId, doomed, 30 * MB); // an upload that was still settling
    expect(await accountBytes()).toBe(5 * MB);
    expect((await db.accountUsage.findUniqueOrThrow({ where: { userId } })).caseCount).toBe(1);
  });

  it('starts an account’s counters from what its cases already hold', async () => {
    const caseId = await newCase();
    await db.case.update({ where: { id: caseId }, data: { storedBytes: 7 * MB } });
    await db.accountUsage.deleteMany({ where: { userId } }); // an account from before the counters
    await ensureAccountUsage(userId);
    await ensureAccountUsage(userId); // a second call changes nothing
    expect(await db.accountUsage.findUniqueOrThrow({ where: { userId } })).toMatchObject({ storedBytes: BigInt(7 * MB), caseCount: 1 });
  });

  it('tells the page the room left and which limit sets it', async () => {
    process.env.ACCOUNT_MAX_STORAGE_MB = '120';
    const [a, b] = [await newCase(), await newCase()];
    await ensureAccountUsage(userId);
    await reserveBytes(userId, a, 30 * MB);
    expect(await storageUsage(userId, b)).toEqual({ caseBytes: 0, maxCaseBytes: 100 * MB, roomBytes: 90 * MB, limitedBy: 'accountFull' });
    expect(await storageUsage(userId, a)).toEqual({ caseBytes: 30 * MB, maxCaseBytes: 100 * MB, roomBytes: 70 * MB, limitedBy: 'caseFull' });
  });
});
