import { Readable } from 'node:stream';
import { beforeEach, describe, expect, it } from 'vitest';
import { createCase } from '@/lib/cases/repository';
import { db } from '@/lib/db/client';
import { makeUser } from '@/lib/testing/factories';
import { acceptUpload } from './accept-upload';
import { photo, generatedPdf } from './inspect/test-fixtures';
import { checkUncheckedLocations, setOmitOriginal } from './location';

let caseId: string;
let userId: string;
beforeEach(async () => {
  userId = (await makeUser()).id;
  caseId = (await createCase(userId, { title: 't', platform: 'taobao', appealDeadline: null })).id;
});

async function upload(bytes: Uint8Array, fileName: string): Promise<string> {
  const result = await acceptUpload({ userId, caseId, fileName, category: 'logistics', body: Readable.from([Buffer.from(bytes)]) });
  if (!result.ok) throw new Error(result.error);
  return result.evidenceId;
}

describe('checkUncheckedLocations', () => {
  it('fills in rows uploaded before the check, once, from the original', async () => {
    const withGps = await upload(await photo('jpeg', { gps: true }), 'gps.jpg');
    const plain = await upload(await photo('png'), 'plain.png');
    const pdf = await upload(await generatedPdf(1), 'a.pdf');
    await db.evidence.updateMany({ where: { caseId }, data: { hasLocation: null } });
    await checkUncheckedLocations(caseId);
    const rows = await db.evidence.findMany({ where: { caseId }, select: { id: true, hasLocation: true } });
    expect(Object.fromEntries(rows.map((r) => [r.id, r.hasLocation]))).toEqual({ [withGps]: true, [plain]: false, [pdf]: false });
  });
});

describe('setOmitOriginal', () => {
  it('leaves out only an original that says where it was taken, and only in its own case', async () => {
    const withGps = await upload(await photo('jpeg', { gps: true }), 'gps.jpg');
    const plain = await upload(await photo('jpeg', { width: 30 }), 'plain.jpg');
    expect(await setOmitOriginal(caseId, withGps, true)).toBe(true);
    expect(await setOmitOriginal(caseId, plain, true)).toBe(false);
    const other = (await createCase(userId, { title: 'o', platform: 'taobao', appealDeadline: null })).id;
    expect(await setOmitOriginal(other, withGps, false)).toBe(false);
    const rows = await db.evidence.findMany({ where: { caseId }, orderBy: { originalName: 'asc' }, select: { omitOriginal: true } });
    expect(rows.map((r) => r.omitOriginal)).toEqual([true, false]);
  });
});
