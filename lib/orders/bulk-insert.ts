import 'server-only';
import { randomUUID } from 'node:crypto';
import { db, DB_PROVIDER } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';

/** Every column of "Order", in insert order. */
const COLUMNS = [
  'id', 'caseId', 'orderNo', 'flagged', 'source', 'buyerName', 'buyerPhone', 'address', 'ip', 'orderedAt', 'paidAt',
  'amountCents', 'itemTitle', 'quantity', 'trackingNo', 'carrier', 'shippedAt', 'signedAt', 'status', 'statusText', 'refundCents', 'trackingHistory', 'createdAt', 'updatedAt',
] as const;

/**
 * One multi-row INSERT for a chunk of new orders. Prisma's createMany through
 * the SQLite driver adapter costs about 0.3 ms a row (15 s for a 50,000-order
 * export); this statement does the same in about 0.04 ms a row. Both dialects
 * the app runs on take quoted identifiers and multi-row VALUES; only the
 * placeholder differs. Values are always bound, never spliced into the SQL.
 */
export function insertOrdersStatement(rows: Prisma.OrderCreateManyInput[]): Prisma.PrismaPromise<number> {
  const now = new Date();
  let n = 0;
  const placeholder = () => (DB_PROVIDER === 'postgresql' ? `$${++n}` : '?');
  const values: unknown[] = [];
  const tuples = rows.map((row) => {
    const full: Record<(typeof COLUMNS)[number], unknown> = {
      ...row,
      id: row.id ?? randomUUID(),
      flagged: row.flagged ?? false,
      trackingHistory: row.trackingHistory ?? '',
      createdAt: now,
      updatedAt: now,
    } as Record<(typeof COLUMNS)[number], unknown>;
    for (const column of COLUMNS) values.push(full[column] ?? null);
    return `(${COLUMNS.map(placeholder).join(',')})`;
  });
  const sql = `INSERT INTO "Order" (${COLUMNS.map((c) => `"${c}"`).join(',')}) VALUES ${tuples.join(',')}`;
  return db.$executeRawUnsafe(sql, ...values);
}
