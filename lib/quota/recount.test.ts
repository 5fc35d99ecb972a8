import { beforeEach, describe, expect, it } from 'vitest';
import { createCase } from '@/lib/cases/repository';
import { db } from '@/lib/db/client';
import { SAFE_AGE_MS } from '@/lib/storage/sweep-owned';
import { makeUser } from '@/lib/testing/factories';
import { ensureAccountUsage } from './account';
import { recountStorage } from './recount';
import { reserveBytes } from './storage';

let userId: string;
let caseId: string;
beforeEach(async () => {
  userId = (await makeUser()).id;
  caseId = (await createCase(userId, { title: 't', platform: 'tmall', appealDeadline: null })).id;
  await ensureAccountUsage(userId);
  await db.evidence.create({ data: { caseId, storageKey: 'k', sha256: 's', size: 1234, mime: 'text/plain', kind: 'text', originalName: 'a.txt', uploadedBy: userId, category: 'chat' } });
  await reserveBytes(userId, caseId, 1234);
});

const later = () => new Date(Date.now() + SAFE_AGE_MS + 60_000);
const stored = async () => ({
  case: (await db.case.findUniqueOrThrow({ where: { id: caseId } })).storedBytes,
  account: (await db.accountUsage.findUniqueOrThrow({ where: { userId } })).storedBytes,
});

describe('recountStorage', () => {
  it('gives back what uploads cut off by a restart had reserved, once the case has been quiet', async () => {
    await reserveBytes(userId, caseId, 50_000_000); // an upload that never finished
    await recountStorage(later());
    expect(await stored()).toEqual({ case: 1234n, account: 1234n });
    expect(await db.accountUsage.findUniqueOrThrow({ where: { userId } })).toMatchObject({ caseCount: 1 });
  });

  it('leaves alone an upload in flight on another instance: its reservation stays counted', async () => {
    // The case had been quiet for hours when the upload began: reserving stamps it again.
    await db.case.update({ where: { id: caseId }, data: { updatedAt: new Date(Date.now() - 2 * SAFE_AGE_MS) } });
    await reserveBytes(userId, caseId, 50_000_000);
    await recountStorage();
    expect(await stored()).toEqual({ case: 50_001_234n, account: 50_001_234n });
  });
});
