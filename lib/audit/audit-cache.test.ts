import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { upsertOrders } from '@/lib/orders/repository';
import type { OrderRecord } from '@/lib/orders/types';
import { makeUser } from '@/lib/testing/factories';
import { cachedAudit } from './audit-cache';
import { runCaseAudit } from './case-audit';

const at = (h: number) => new Date(Date.UTC(2026, 10, 11, h));
// Two orders on one waybill (a finding), one signed before it shipped (another).
const ORDERS: OrderRecord[] = [
  { orderNo: '3012345678901234501', createdAt: at(1), paidAt: at(1), trackingNo: 'SF1234567890123', carrier: '顺丰速运', buyerName: '张*' },
  { orderNo: '3012345678901234502', createdAt: at(2), paidAt: at(2), trackingNo: 'SF1234567890123', carrier: '顺丰速运', buyerName: '李*' },
  { orderNo: '3012345678901234503', createdAt: at(3), paidAt: at(3), shippedAt: at(5), signedAt: at(4), trackingNo: 'SF1234567890999', carrier: '顺丰速运' },
];

let caseId: string;
beforeEach(async () => {
  const user = await makeUser();
  caseId = (await db.case.create({ data: { userId: user.id, title: '缓存', platform: 'taobao' } })).id;
  await upsertOrders(caseId, ORDERS, 'import');
});

/** Runs the audit twice: the first answers whether the change was noticed, the second must be a hit. */
async function recomputed(): Promise<boolean> {
  const first = await cachedAudit(caseId);
  expect((await cachedAudit(caseId)).fromCache).toBe(true);
  return !first.fromCache;
}

describe('cachedAudit', () => {
  it('computes once, then serves the stored result with the same values and types', async () => {
    const fresh = await cachedAudit(caseId);
    const cached = await cachedAudit(caseId);
    expect([fresh.fromCache, cached.fromCache]).toEqual([false, true]);
    expect(cached.findings).toEqual(fresh.findings);
    expect(cached.findings.map((f) => f.rule).sort()).toEqual(['signedBeforeShipped', 'trackingShared']);
    expect(cached.computedAt).toBeInstanceOf(Date);
    expect(cached.stats.orders).toBe(3);
  });

  it('keeps the result across an identical re-import', async () => {
    await cachedAudit(caseId);
    await upsertOrders(caseId, ORDERS, 'import');
    expect(await recomputed()).toBe(false);
  });

  it('recomputes after an order is added, edited, edited behind updatedAt’s back, or deleted', async () => {
    await cachedAudit(caseId);
    await upsertOrders(caseId, [{ orderNo: '3012345678901234504', trackingNo: 'SF1234567890123', carrier: '顺丰速运' }], 'paste');
    expect(await recomputed()).toBe(true);
    expect((await cachedAudit(caseId)).findings.find((f) => f.rule === 'trackingShared')?.orderNos).toHaveLength(3);

    await upsertOrders(caseId, [{ ...ORDERS[2], orderNo: '3012345678901234503', signedAt: at(6) }] as OrderRecord[], 'import');
    expect(await recomputed()).toBe(true);
    expect((await cachedAudit(caseId)).findings.some((f) => f.rule === 'signedBeforeShipped')).toBe(false);

    // A raw write that leaves updatedAt as it was (a script, a restore): the values' length differs.
    await db.$executeRaw`UPDATE "Order" SET "trackingNo" = ${'SF12345678907777'} WHERE "caseId" = ${caseId} AND "orderNo" = ${'3012345678901234504'}`;
    expect(await recomputed()).toBe(true);
    expect((await cachedAudit(caseId)).findings.find((f) => f.rule === 'trackingShared')?.orderNos).toHaveLength(2);

    // Two edits of the same length: the second is seen through its updatedAt stamp alone.
    await db.order.updateMany({ where: { caseId, orderNo: '3012345678901234504' }, data: { trackingNo: 'SF12345678908888' } });
    expect(await recomputed()).toBe(true);

    await db.order.deleteMany({ where: { caseId, orderNo: '3012345678901234502' } });
    expect(await recomputed()).toBe(true);
    expect((await cachedAudit(caseId)).findings.some((f) => f.rule === 'trackingShared')).toBe(false);
  });

  it('sees an order deleted and inserted again with the same values and stamp', async () => {
    await cachedAudit(caseId);
    const where = `"caseId" = '${caseId}' AND "orderNo" = '3012345678901234502'`;
    await db.$transaction([
      db.$executeRawUnsafe(`CREATE TEMP TABLE kept AS SELECT * FROM "Order" WHERE ${where}`),
      db.$executeRawUnsafe(`DELETE FROM "Order" WHERE ${where}`),
      db.$executeRawUnsafe('INSERT INTO "Order" SELECT * FROM kept'),
      db.$executeRawUnsafe('DROP TABLE kept'),
    ]);
    expect(await db.order.count({ where: { caseId } })).toBe(3);
    expect(await recomputed()).toBe(true);
  });

  it('recomputes after a promotion is added or removed and after the ship-from province changes', async () => {
    await cachedAudit(caseId);
    const promotion = await db.promotion.create({ data: { caseId, name: '双十一', startsOn: at(0), endsOn: at(0) } });
    expect(await recomputed()).toBe(true);
    await db.promotion.delete({ where: { id: promotion.id } });
    expect(await recomputed()).toBe(true);
    await db.case.update({ where: { id: caseId }, data: { shipFromProvince: '浙江' } });
    expect(await recomputed()).toBe(true);
  });

  it('never serves a row stored under another key (older rules or thresholds) or one it cannot read', async () => {
    await cachedAudit(caseId);
    await db.auditCache.update({ where: { caseId }, data: { inputKey: 'made-by-older-rules' } });
    expect(await recomputed()).toBe(true);
    await db.auditCache.update({ where: { caseId }, data: { result: '{"findings":[{"rule":"gone"}]}' } });
    expect(await recomputed()).toBe(true);
  });

  it('does not cache flags and notes: the audit view reads them fresh', async () => {
    await cachedAudit(caseId);
    await db.order.updateMany({ where: { caseId, orderNo: '3012345678901234501' }, data: { flagged: true } });
    await db.auditNote.create({ data: { caseId, findingId: 'rule:trackingShared', explanation: '合并发货' } });
    const audit = await runCaseAudit(caseId);
    const shared = audit.groups.find((g) => g.rule === 'trackingShared');
    expect(shared).toMatchObject({ flaggedCount: 1, answered: true });
    expect(shared?.findings[0]?.explanation).toBe('合并发货');
  });
});

describe('cachedAudit under concurrent requests', () => {
  it('runs the rules once for requests that miss together', async () => {
    const results = await Promise.all([cachedAudit(caseId), cachedAudit(caseId), cachedAudit(caseId)]);
    expect(results.every((r) => !r.fromCache)).toBe(true);
    // One run: all three hold the very same result, not three equal ones.
    expect(results[1]).toBe(results[0]);
    expect(results[2]).toBe(results[0]);
  });
});
