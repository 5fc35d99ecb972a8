import 'server-only';
import { lockCase } from '@/lib/db/case-lock';
import { db } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import { orderLimits } from '@/lib/limits';
import { insertOrdersStatement } from './bulk-insert';
import { OrderCapReached } from './import-cap';
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
 * so other writers (an autosave) wait milliseconds, not the whole import. Throws OrderCapReached
 * when the next chunk's new orders would take the case over its cap (MAX_ORDERS_PER_CASE): the
 * chunks before it stay saved, and the error counts them.
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
    const done = await upsertChunk(caseId, chunk, source, options.flagged ?? false).catch((error: unknown) => {
      // What earlier chunks saved stays: the caller says whether anything was added.
      if (error instanceof OrderCapReached) error.created = created;
      throw error;
    });
    created += done.created;
    updated += done.updated;
    await options.onChunk?.(start + chunk.length, records.length);
  }
  return { created, updated };
}

type StoredOrder = Prisma.OrderGetPayload<object>;

/** Which of the chunk's orders are new rows, and what changed in the ones the case has. */
function planChunk(caseId: string, chunk: OrderRecord[], byNo: ReadonlyMap<string, StoredOrder>, source: OrderSource, flagged: boolean) {
  const fresh: Prisma.OrderCreateManyInput[] = [];
  const updates: Array<{ id: string; changes: Prisma.OrderUpdateInput }> = [];
  for (const record of chunk) {
    const before = byNo.get(record.orderNo);
    if (!before) {
      fresh.push({ caseId, orderNo: record.orderNo, source, flagged, ...columns(record) });
      continue;
    }
    const changes: Prisma.OrderUpdateInput = changedColumns(before, columns(record));
    if (flagged && !before.flagged) changes.flagged = true;
    if (Object.keys(changes).length > 0) updates.push({ id: before.id, changes });
  }
  return { fresh, updates };
}

/**
 * Reads which of the chunk's orders exist, then inserts the others and updates what changed in one
 * transaction that holds the case's lock (lib/db/case-lock.ts): the insert checks the per-case cap
 * against the count it reads itself, so two imports or pastes into one case (two tabs, two app
 * instances) can never together go over it. A chunk that would is refused whole
 * (OrderCapReached). The insert skips an order number another writer created after the read
 * (unique caseId + orderNo); those orders go round once more, as updates of the row that won.
 */
async function upsertChunk(caseId: string, chunk: OrderRecord[], source: OrderSource, flagged: boolean, retry = true): Promise<{ created: number; updated: number }> {
  const { perCase: limit } = orderLimits();
  // Read and planned before the transaction: on SQLite its lock stops every other writer of the
  // database (a page's write waits for it, blocking the server's thread), so it holds only the writes.
  const existing = await db.order.findMany({ where: { caseId, orderNo: { in: chunk.map((r) => r.orderNo) } } });
  const byNo = new Map(existing.map((o) => [o.orderNo, o]));
  const { fresh, updates } = planChunk(caseId, chunk, byNo, source, flagged);
  // The case's lock, the insert (which counts the case's orders itself) and the updates: one batch,
  // so the lock is held for these statements alone.
  const writes = updates.map(({ id, changes }) => db.order.update({ where: { id }, data: changes }));
  let inserted: Array<{ orderNo: string }> = [];
  if (fresh.length > 0) [, inserted] = await db.$transaction([lockCase(db, caseId), insertOrdersStatement(fresh, { caseId, limit }), ...writes]);
  else if (writes.length > 0) await db.$transaction(writes);
  const insertedNos = new Set(inserted.map((row) => row.orderNo));
  if (fresh.length > 0 && insertedNos.size === 0) {
    // Nothing inserted: the cap held, or other writers created every one of them after the read.
    const current = await db.order.count({ where: { caseId } });
    if (current + fresh.length > limit) throw new OrderCapReached({ limit, current, incoming: fresh.length });
  }
  const lost = chunk.filter((r) => !byNo.has(r.orderNo) && !insertedNos.has(r.orderNo));
  const again = lost.length > 0 && retry ? await upsertChunk(caseId, lost, source, flagged, false) : { created: 0, updated: 0 };
  return { created: insertedNos.size + again.created, updated: updates.length + again.updated };
}

/** Marks (or unmarks) orders of the case as flagged by the platform. */
export async function setFlagged(caseId: string, orderNos: string[], flagged: boolean): Promise<number> {
  const { count } = await db.order.updateMany({ where: { caseId, orderNo: { in: orderNos } }, data: { flagged } });
  return count;
}
