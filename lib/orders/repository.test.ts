import { beforeEach, describe, expect, it } from 'vitest';
import { Worker } from 'node:worker_threads';
import { db, DB_PROVIDER } from '@/lib/db/client';
import { databaseFile } from '@/lib/db/data-dir.mjs';
import { createCase } from '@/lib/cases/repository';
import { makeUser } from '@/lib/testing/factories';
import { setFlagged, upsertOrders } from './repository';

let caseId: string;
beforeEach(async () => {
  const user = await makeUser();
  caseId = (await createCase(user.id, { title: 't', platform: 'taobao', appealDeadline: null })).id;
});

const LONG = '3012345678901234567';

describe('upsertOrders', () => {
  it('stores 19-digit order numbers exactly and imports the same file twice without duplicates', async () => {
    const records = [{ orderNo: LONG, amountCents: 129900, createdAt: new Date('2026-11-11T12:00:00Z') }, { orderNo: '2', itemTitle: '数据线' }];
    expect(await upsertOrders(caseId, records, 'import')).toEqual({ created: 2, updated: 0 });
    expect(await upsertOrders(caseId, records, 'import')).toEqual({ created: 0, updated: 0 });
    const stored = await db.order.findMany({ where: { caseId }, orderBy: { orderNo: 'asc' } });
    expect(stored.map((o) => o.orderNo)).toEqual(['2', LONG]);
    expect(stored[1]).toMatchObject({ amountCents: 129900, orderedAt: new Date('2026-11-11T12:00:00Z') });
  });

  // On SQLite a transaction that reads, then writes after another connection committed, fails at
  // once (SQLITE_BUSY_SNAPSHOT, no busy wait): each chunk's transaction must take the write lock first.
  it.runIf(DB_PROVIDER === 'sqlite')('imports while another thread keeps committing (the server, another job), without a busy error', async () => {
    // Its own thread: better-sqlite3 waits for a lock synchronously, which in this thread would stop the import too.
    const writer = new Worker(
      `const { parentPort, workerData } = require('node:worker_threads');
      const db = new (require('better-sqlite3'))(workerData.file, { timeout: 5000 });
      const touch = db.prepare('UPDATE "Case" SET "title" = ? WHERE "id" = ?');
      let writes = 0, stop = false;
      parentPort.on('message', () => (stop = true));
      (function loop() {
        if (stop) return parentPort.postMessage(writes);
        touch.run('t' + writes++, workerData.caseId);
        if (writes === 1) parentPort.postMessage('writing');
        setImmediate(loop);
      })();`,
      { eval: true, workerData: { file: databaseFile(), caseId } },
    );
    await new Promise((resolve) => writer.once('message', resolve));
    const writes = new Promise<number>((resolve) => writer.once('message', resolve));
    try {
      const records = Array.from({ length: 5000 }, (_, i) => ({ orderNo: String(8000000 + i), itemTitle: '数据线' }));
      expect(await upsertOrders(caseId, records, 'import')).toEqual({ created: 5000, updated: 0 });
    } finally {
      writer.postMessage('stop');
      expect(await writes).toBeGreaterThan(10);
      await writer.terminate();
    }
  });

  it('creates each order once when two imports of the case run at the same time', async () => {
    // Overlapping halves: both imports find orders 500-999 missing and try to insert them.
    const orderNos = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => ({ orderNo: String(7000000 + from + i), itemTitle: '数据线' }));
    const results = await Promise.all([upsertOrders(caseId, orderNos(0, 1000), 'import'), upsertOrders(caseId, orderNos(500, 1500), 'import')]);
    expect(await db.order.count({ where: { caseId } })).toBe(1500);
    expect(results.reduce((sum, r) => sum + r.created, 0)).toBe(1500);
    expect(results.every((r) => r.updated === 0)).toBe(true);
  });

  it('stores every column the way Prisma itself reads it back', async () => {
    const record = {
      orderNo: LONG, buyerName: '张*', buyerPhone: '138****5678', address: '浙江省 杭州市 西湖区', ip: '1.2.3.4',
      createdAt: new Date('2026-11-11T00:05:13Z'), paidAt: new Date('2026-11-11T00:05:40Z'), amountCents: 8950, itemTitle: '数据线',
      quantity: 2, trackingNo: 'SF1234567890123', carrier: '顺丰速运', shippedAt: new Date('2026-11-11T08:00:00Z'), signedAt: new Date('2026-11-12T08:00:00Z'),
    };
    await upsertOrders(caseId, [record], 'import', { flagged: true });
    const { createdAt, ...rest } = record;
    const stored = await db.order.findUniqueOrThrow({ where: { caseId_orderNo: { caseId, orderNo: LONG } } });
    expect(stored).toMatchObject({ ...rest, orderedAt: createdAt, flagged: true, source: 'import', trackingHistory: '' });
    expect(await db.order.count({ where: { caseId, flagged: true, orderedAt: { gte: new Date('2026-11-11T00:00:00Z') } } })).toBe(1);
  });

  it('fills in pasted orders from a later import without erasing what is there', async () => {
    await upsertOrders(caseId, [{ orderNo: LONG }], 'paste', { flagged: true });
    await upsertOrders(caseId, [{ orderNo: LONG, trackingNo: 'SF1234567890123' }], 'import');
    await upsertOrders(caseId, [{ orderNo: LONG, itemTitle: '耳机' }], 'import');
    const order = await db.order.findUniqueOrThrow({ where: { caseId_orderNo: { caseId, orderNo: LONG } } });
    expect(order).toMatchObject({ flagged: true, trackingNo: 'SF1234567890123', itemTitle: '耳机', source: 'paste' });
  });

  it('updates a status that changed in a newer export, and clears one the export no longer supports', async () => {
    const stored = async () => db.order.findUniqueOrThrow({ where: { caseId_orderNo: { caseId, orderNo: LONG } } });
    await upsertOrders(caseId, [{ orderNo: LONG, amountCents: 9900, status: 'shipped', statusText: '已发货' }], 'import');
    const refunded = { orderNo: LONG, amountCents: 9900, status: 'refunded', statusText: '已完成 · 退款成功', refundCents: 9900 } as const;
    expect(await upsertOrders(caseId, [refunded], 'import')).toEqual({ created: 0, updated: 1 });
    expect(await stored()).toMatchObject({ status: 'refunded', statusText: '已完成 · 退款成功', refundCents: 9900 });
    // A file without status columns leaves the status alone.
    expect(await upsertOrders(caseId, [{ orderNo: LONG, amountCents: 9900 }], 'import')).toEqual({ created: 0, updated: 0 });
    await upsertOrders(caseId, [{ orderNo: LONG, status: null, statusText: '待平台仲裁' }], 'import');
    expect(await stored()).toMatchObject({ status: null, statusText: '待平台仲裁', refundCents: 9900 });
  });

  it('keeps the first of repeated order numbers and works across chunks', async () => {
    const many = Array.from({ length: 1200 }, (_, i) => ({ orderNo: String(1_000_000 + i) }));
    const result = await upsertOrders(caseId, [...many, { orderNo: '1000000', itemTitle: 'dup' }], 'import');
    expect(result).toEqual({ created: 1200, updated: 0 });
  });

  it('flags and unflags by order number', async () => {
    await upsertOrders(caseId, [{ orderNo: 'A1' }, { orderNo: 'A2' }], 'import');
    expect(await setFlagged(caseId, ['A1', 'missing'], true)).toBe(1);
    expect((await db.order.findMany({ where: { caseId, flagged: true } })).map((o) => o.orderNo)).toEqual(['A1']);
  });
});
