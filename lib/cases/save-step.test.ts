import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { upsertOrders } from '@/lib/orders/repository';
import { makeUser } from '@/lib/testing/factories';
import { createCase } from './repository';
import { saveStep } from './save-step';

let owner: { id: string };
let caseId: string;
beforeEach(async () => {
  owner = await makeUser();
  caseId = (await createCase(owner.id, { title: '申诉', platform: 'tmall', appealDeadline: null })).id;
});

describe('saveStep', () => {
  it('saves a partial draft as typed and bumps the version', async () => {
    const result = await saveStep(owner.id, caseId, 'basics', 1, { shopName: ' 小明数码 ', contactPhone: '138' });
    expect(result).toMatchObject({ ok: true, version: 2 });
    const row = await db.case.findUniqueOrThrow({ where: { id: caseId } });
    expect(row).toMatchObject({ shopName: ' 小明数码 ', contactPhone: '138', version: 2 });
  });

  it('refuses a save based on a stale version, keeping the newer data', async () => {
    await saveStep(owner.id, caseId, 'basics', 1, { shopName: 'tab A' });
    expect(await saveStep(owner.id, caseId, 'basics', 1, { shopName: 'tab B' })).toEqual({ ok: false, error: 'conflict' });
    expect((await db.case.findUniqueOrThrow({ where: { id: caseId } })).shopName).toBe('tab A');
  });

  it('lets exactly one of two concurrent saves from the same version through (two tabs, two app instances)', async () => {
    const results = await Promise.all(['tab A', 'tab B'].map((shopName) => saveStep(owner.id, caseId, 'basics', 1, { shopName })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, error: 'conflict' }]);
    const row = await db.case.findUniqueOrThrow({ where: { id: caseId } });
    expect(row.version).toBe(2);
    expect(row.shopName).toBe(results[0]?.ok ? 'tab A' : 'tab B');
  });

  it('answers notFound for another user, changing nothing', async () => {
    const stranger = await makeUser();
    expect(await saveStep(stranger.id, caseId, 'basics', 1, { shopName: 'x' })).toEqual({ ok: false, error: 'notFound' });
    expect((await db.case.findUniqueOrThrow({ where: { id: caseId } })).version).toBe(1);
  });

  it('refuses over-long input with a field error, without saving', async () => {
    const result = await saveStep(owner.id, caseId, 'basics', 1, { shopName: 'x'.repeat(100) });
    expect(result).toEqual({ ok: false, error: 'invalid', fieldErrors: { shopName: 'tooLong' } });
  });

  it('merges statement sections and stores them in a stable order', async () => {
    await saveStep(owner.id, caseId, 'statement', 1, { evidence: '发票' });
    await saveStep(owner.id, caseId, 'statement', 2, { whatHappened: '经过' });
    const row = await db.case.findUniqueOrThrow({ where: { id: caseId } });
    expect(row.statement).toBe('{"whatHappened":"经过","whyGenuine":"","evidence":"发票","context":"","prevention":""}');
  });

  it('stores a typed exhibit id by its evidence key, so renumbering cannot repoint it', async () => {
    const ev = await db.evidence.create({ data: { caseId, storageKey: 'k', sha256: 'a'.repeat(64), size: 1, mime: 'image/png', kind: 'png', originalName: 'a.png', uploadedBy: owner.id, category: 'invoice', position: 3 } });
    await saveStep(owner.id, caseId, 'statement', 1, { evidence: '发票见[B-003]，另见【B-004】' });
    const row = await db.case.findUniqueOrThrow({ where: { id: caseId } });
    expect(JSON.parse(row.statement).evidence).toBe(`发票见[[ev:${ev.id}]]，另见【B-004】`);
  });

  it('recomputes completion and status as the case fills in', async () => {
    const now = new Date('2026-11-22T04:00:00Z');
    await upsertOrders(caseId, [{ orderNo: '3012345678901234567' }], 'paste', { flagged: true });
    // A bundle needs at least one evidence file before the case can be ready.
    await db.evidence.create({ data: { caseId, storageKey: 'k', sha256: 'a'.repeat(64), size: 1, mime: 'image/png', kind: 'png', originalName: 'a.png', uploadedBy: owner.id, category: 'chat' } });
    await saveStep(owner.id, caseId, 'basics', 1, {
      shopName: '店', shopId: '1', incidentKind: 'platformFlag', noticeDate: '2026-11-20', appealDeadline: '2026-12-20', contactName: '王', contactPhone: '13812345678',
    }, now);
    const result = await saveStep(owner.id, caseId, 'statement', 2, { whatHappened: 'a', whyGenuine: 'b', evidence: 'c' }, now);
    // The one order has no self-audit finding, so the audit step is complete too.
    expect(result).toMatchObject({ ok: true, states: { basics: 'complete', orders: 'complete', audit: 'complete', statement: 'complete', review: 'complete' } });
    expect(await db.case.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({ completion: 71, status: 'ready' });
  });

  it('stores acknowledged warnings deduplicated and sorted', async () => {
    await saveStep(owner.id, caseId, 'review', 1, { acknowledged: ['windowUnverified', 'deadlineSoon', 'deadlineSoon'] });
    expect((await db.case.findUniqueOrThrow({ where: { id: caseId } })).acknowledged).toBe('["deadlineSoon","windowUnverified"]');
  });
});
