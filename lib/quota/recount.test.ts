import { beforeEach, describe, expect, it } from 'vitest';
import { createCase } from '@/lib/cases/repository';
import { db } from '@/lib/db/client';
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
});

describe('recountStorage', () => {
  it('gives back what uploads cut off by a restart had reserved, keeping what is stored', async () => {
    await db.evidence.create({ data: { caseId, storageKey: 'k', sha256: 's', size: 1234, mime: 'text/plain', kind: 'text', originalName: 'a.txt', uploadedBy: userId, category: 'chat' } });
    await reserveBytes(userId, caseId, 1234);
    await reserveBytes(userId, caseId, 50_000_000); // an upload that never finished
    await recountStorage();
    expect((await db.case.findUniqueOrThrow({ where: { id: caseId } })).storedBytes).toBe(1234n);
    expect(await db.accountUsage.findUniqueOrThrow({ where: { userId } })).toMatchObject({ storedBytes: 1234n, caseCount: 1 });
  });
});
