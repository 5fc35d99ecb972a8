import { text } from 'node:stream/consumers';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { blobStore, casePrefix } from '@/lib/storage';
import { makeUser } from '@/lib/testing/factories';
import { createCase, deleteCase, getOwnedCase, listCases, renameCase, setCurrentStep } from './repository';

let owner: { id: string };
let stranger: { id: string };
beforeEach(async () => {
  owner = await makeUser('店主');
  stranger = await makeUser('陌生人');
});

async function stored(key: string): Promise<boolean> {
  const stream = await blobStore().get(key);
  stream?.destroy();
  return stream !== null;
}

const newCase = () => createCase(owner.id, { title: '双十一订单申诉', platform: 'tmall', appealDeadline: null });

describe('case repository', () => {
  it('lists only the owner’s cases, most recently edited first', async () => {
    const first = await newCase();
    const second = await createCase(owner.id, { title: '第二个', platform: 'jd', appealDeadline: null });
    await renameCase(owner.id, first.id, '改过名');
    const titles = (await listCases(owner.id)).map((c) => c.title);
    expect(titles).toEqual(['改过名', second.title]);
    expect(await listCases(stranger.id)).toEqual([]);
  });

  it('hides another user’s case as if it did not exist', async () => {
    const c = await newCase();
    expect(await getOwnedCase(stranger.id, c.id)).toBeNull();
    expect(await getOwnedCase(owner.id, c.id)).not.toBeNull();
  });

  it('refuses rename, step change and delete by anyone but the owner, changing nothing', async () => {
    const c = await newCase();
    await blobStore().put(`${casePrefix(c.id)}evidence.bin`, new Uint8Array([1, 2, 3]));
    expect(await renameCase(stranger.id, c.id, 'hijacked')).toBe(false);
    expect(await setCurrentStep(stranger.id, c.id, 'review')).toBe(false);
    expect(await deleteCase(stranger.id, c.id)).toBe(false);
    const after = await db.case.findUniqueOrThrow({ where: { id: c.id } });
    expect(after).toMatchObject({ title: c.title, currentStep: 'basics', version: c.version });
    expect(await stored(`${casePrefix(c.id)}evidence.bin`)).toBe(true);
  });

  it('renames with a version bump; remembering the step is not an edit', async () => {
    const c = await newCase();
    expect(await renameCase(owner.id, c.id, '新名字')).toBe(true);
    expect(await setCurrentStep(owner.id, c.id, 'statement')).toBe(true);
    expect(await setCurrentStep(owner.id, c.id, 'statement')).toBe(true);
    const after = await db.case.findUniqueOrThrow({ where: { id: c.id } });
    expect(after).toMatchObject({ title: '新名字', currentStep: 'statement', version: c.version + 1 });
  });

  it('deletes the case and every stored file of it, and only those', async () => {
    const c = await newCase();
    const other = await newCase();
    await blobStore().put(`${casePrefix(c.id)}a.pdf`, new Uint8Array([1]));
    await blobStore().put(`${casePrefix(other.id)}b.pdf`, new TextEncoder().encode('keep'));
    expect(await deleteCase(owner.id, c.id)).toBe(true);
    expect(await db.case.findUnique({ where: { id: c.id } })).toBeNull();
    expect(await stored(`${casePrefix(c.id)}a.pdf`)).toBe(false);
    expect(await text((await blobStore().get(`${casePrefix(other.id)}b.pdf`))!)).toBe('keep');
  });

  it('starts a new case at 0% complete: nothing but a title and platform is known', async () => {
    const c = await createCase(owner.id, { title: 't', platform: 'douyin', appealDeadline: new Date('2026-12-01T00:00:00Z') });
    expect(c.completion).toBe(0);
  });
});
