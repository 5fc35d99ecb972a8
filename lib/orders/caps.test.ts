import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCase } from '@/lib/cases/repository';
import { makeUser } from '@/lib/testing/factories';
import { db } from '@/lib/db/client';
import { checkOrderCapacity, importOverCap, orderCaps } from './caps';
import { OrderCapReached } from './import-cap';
import { upsertOrders } from './repository';

let caseId: string;
const numbers = (from: number, count: number) => Array.from({ length: count }, (_, i) => String(4_000_000_000_000_000_000n + BigInt(from + i)));

beforeEach(async () => {
  const user = await makeUser();
  caseId = (await createCase(user.id, { title: 't', platform: 'tmall', appealDeadline: null })).id;
  process.env.MAX_ORDERS_PER_CASE = '1000';
});
afterEach(() => {
  delete process.env.MAX_ORDERS_PER_CASE;
  delete process.env.MAX_ORDERS_PER_IMPORT;
});

describe('order caps', () => {
  it('reads both caps from the environment, 50,000 each by default', () => {
    delete process.env.MAX_ORDERS_PER_CASE;
    expect(orderCaps()).toEqual({ perCase: 50_000, perImport: 50_000 });
    process.env.MAX_ORDERS_PER_CASE = '200';
    process.env.MAX_ORDERS_PER_IMPORT = 'lots';
    expect(orderCaps()).toEqual({ perCase: 200, perImport: 50_000 });
  });

  it('counts only the order numbers new to the case', async () => {
    await upsertOrders(caseId, numbers(0, 990).map((orderNo) => ({ orderNo })), 'paste');
    // 600 known (one of them twice) and 10 new: fits exactly.
    expect(await checkOrderCapacity(caseId, [...numbers(390, 600), numbers(390, 1)[0]!, ...numbers(990, 10)])).toEqual({ ok: true });
    expect(await checkOrderCapacity(caseId, numbers(500, 600))).toEqual({ ok: false, limit: 1000, current: 990, incoming: 110 });
  });

  it('lets a full case take corrections to orders it already has', async () => {
    await upsertOrders(caseId, numbers(0, 1000).map((orderNo) => ({ orderNo })), 'paste');
    expect(await checkOrderCapacity(caseId, numbers(0, 1000))).toEqual({ ok: true });
    expect(await checkOrderCapacity(caseId, numbers(1000, 1))).toEqual({ ok: false, limit: 1000, current: 1000, incoming: 1 });
  });

  it('says when one file or paste is over the per-import cap', () => {
    expect(importOverCap(50_000)).toBeNull();
    expect(importOverCap(50_001)).toEqual({ count: 50_001, limit: 50_000 });
    process.env.MAX_ORDERS_PER_IMPORT = '10';
    expect(importOverCap(11)).toEqual({ count: 11, limit: 10 });
  });

  describe('two imports into one case at the same moment (two tabs, two app instances)', () => {
    // What the import job and the paste action do, check then save, with both checks done before
    // either save: the moment two instances race in.
    const race = async (...batches: string[][]) => {
      for (const batch of batches) expect(await checkOrderCapacity(caseId, batch)).toEqual({ ok: true });
      return Promise.allSettled(batches.map((batch) => upsertOrders(caseId, batch.map((orderNo) => ({ orderNo })), 'import')));
    };

    it('lets only one of them take the room left: both passed the check, the save refuses the other whole', async () => {
      process.env.MAX_ORDERS_PER_CASE = '700';
      const results = await race(numbers(0, 400), numbers(1000, 400));
      expect(await db.order.count({ where: { caseId } })).toBe(400);
      expect(results.filter((r) => r.status === 'fulfilled').map((r) => r.value)).toEqual([{ created: 400, updated: 0 }]);
      const refused = results.filter((r) => r.status === 'rejected').map((r) => r.reason as unknown);
      expect(refused).toHaveLength(1);
      expect(refused[0]).toBeInstanceOf(OrderCapReached);
      expect(refused[0]).toMatchObject({ limit: 700, current: 400, incoming: 400, created: 0 });
    });

    it('never goes over the cap with imports of several chunks each', async () => {
      const results = await race(numbers(0, 900), numbers(5000, 900), numbers(9000, 900));
      const stored = await db.order.count({ where: { caseId } });
      expect(stored).toBeLessThanOrEqual(1000);
      expect(stored).toBeGreaterThan(0);
      // What each says it added (whole, or before it was stopped) is what the case holds.
      const added = results.map((r) => (r.status === 'fulfilled' ? r.value.created : (r.reason as OrderCapReached).created));
      expect(added.reduce((a, b) => a + b, 0)).toBe(stored);
    });
  });
});
