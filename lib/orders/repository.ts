import 'server-only';
import { db } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import { insertOrdersStatement } from './bulk-insert';
import type { OrderRecord } from './types';

export type OrderSource = 'paste' | 'manual' | 'import';

/** Columns of an Order row that an OrderRecord fills (createdAt there is orderedAt here). */
function columns(r: OrderRecord) {
  return {
    buyerName: r.buyerName,
    buyerPhone: r.buyerPhone,
    address: r.address,
    ip: r.ip,
    orderedAt: r.createdAt,
    paidAt: r.paidAt,
    amountCents: r.amountCents,
    itemTitle: r.itemTitle,
    quantity: r.quantity,
    trackingNo: r.trackingNo,
    carrier: r.carrier,
    shippedAt: r.shippedAt,
    signedAt: r.signedAt,
    status: r.status,
    statusText: r.statusText,
    refundCents: r.refundCents,
  };
}

type Columns = ReturnType<typeof columns>;
const CHUNK = 500;

function changedColumns(existing: Record<string, unknown>, incoming: Columns): Partial<Columns> {
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(incoming)) {
    if (value === undefined) continue; // a re-import never erases what another source filled in
    const before = existing[key];
    const same = value instanceof Date && before instanceof Date ? value.getTime() === before.getTime() : value === before;
    if (!same) changes[key] = value;
  }
  return changes as Partial<Columns>;
}

/** One record per order number, the first occurrence winning (imports merge their own duplicates first). */
function firstPerOrderNo(records: OrderRecord[]): OrderRecord[] {
  const byNo = new Map<string, OrderRecord>();
  for (const r of records) if (!byNo.has(r.orderNo)) byNo.set(r.orderNo, r);
  return [...byNo.values()];
}

/**
 * Adds orders to a case, or fills in the ones it already has (matched by order
 * number), so importing the same file twice changes nothing. `flagged: true`
 * marks them as named by the platform; it never un-flags. Each chunk is its own short transaction,
 * so other writers (an autosave) wait milliseconds, not the whole import.
 */
export async function upsertOrders(
  caseId: string,
  records: OrderRecord[],
  source: OrderSource,
  options: { flagged?: boolean; onChunk?: (done: number, total: number) => Promise<void> } = {},
) {
  records = firstPerOrderNo(records);
  let created = 0;
  let updated = 0;
  for (let start = 0; start < records.length; start += CHUNK) {
    const chunk = records.slice(start, start + CHUNK);
    const done = await upsertChunk(caseId, chunk, source, options.flagged ?? false);
    created += done.created;
    updated += done.updated;
    await options.onChunk?.(start + chunk.length, records.length);
  }
  return { created, updated };
}

/**
 * Reads which of the chunk's orders exist, inserts the others and updates what changed. Two
 * imports of one case (two tabs, two app instances) can both find an order missing: the insert
 * skips what the other created first (unique caseId + orderNo), and those orders go round once
 * more, as updates of the row that won.
 */
async function upsertChunk(caseId: string, chunk: OrderRecord[], source: OrderSource, flagged: boolean, retry = true): Promise<{ created: number; updated: number }> {
  const existing = await db.order.findMany({ where: { caseId, orderNo: { in: chunk.map((r) => r.orderNo) } } });
  const byNo = new Map(existing.map((o) => [o.orderNo, o]));
  const fresh: Prisma.OrderCreateManyInput[] = [];
  const updates: Prisma.PrismaPromise<unknown>[] = [];
  for (const record of chunk) {
    const before = byNo.get(record.orderNo);
    if (!before) {
      fresh.push({ caseId, orderNo: record.orderNo, source, flagged, ...columns(record) });
      continue;
    }
    const changes: Prisma.OrderUpdateInput = changedColumns(before, columns(record));
    if (flagged && !before.flagged) changes.flagged = true;
    if (Object.keys(changes).length > 0) updates.push(db.order.update({ where: { id: before.id }, data: changes }));
  }
  if (fresh.length === 0) {
    if (updates.length > 0) await db.$transaction(updates);
    return { created: 0, updated: updates.length };
  }
  const [inserted] = await db.$transaction([insertOrdersStatement(fresh), ...updates]);
  const insertedNos = new Set(inserted.map((row) => row.orderNo));
  const lost = chunk.filter((r) => !byNo.has(r.orderNo) && !insertedNos.has(r.orderNo));
  const again = lost.length > 0 && retry ? await upsertChunk(caseId, lost, source, flagged, false) : { created: 0, updated: 0 };
  return { created: insertedNos.size + again.created, updated: updates.length + again.updated };
}

/** Marks (or unmarks) orders of the case as flagged by the platform. */
export async function setFlagged(caseId: string, orderNos: string[], flagged: boolean): Promise<number> {
  const { count } = await db.order.updateMany({ where: { caseId, orderNo: { in: orderNos } }, data: { flagged } });
  return count;
}
