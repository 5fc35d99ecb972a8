import 'server-only';
import { DB_PROVIDER } from './client';

/**
 * The few SQL pieces that differ between the two databases, for the hand-written statements
 * (lib/orders/bulk-insert.ts, lib/audit/audit-cache.ts). Chosen once, with the client. Everything
 * else hand-written here is written in the SQL both accept: quoted identifiers, multi-row VALUES,
 * ON CONFLICT … DO NOTHING, RETURNING, COALESCE; and Prisma's tagged $queryRaw/$executeRaw
 * templates number their own placeholders.
 */
export type Dialect = {
  /** The n-th (1-based) bound value in a $queryRawUnsafe/$executeRawUnsafe statement. */
  placeholder: (n: number) => string;
  /** An integer that changes whenever a row is written, even with its old values, or inserted again. */
  rowWriteMark: string;
  /** The seconds and milliseconds within the minute of a timestamp column, as an integer. */
  msWithinMinute: (column: string) => string;
};

const DIALECTS: Record<typeof DB_PROVIDER, Dialect> = {
  sqlite: {
    placeholder: () => '?',
    // A deleted row inserted again gets a new rowid.
    rowWriteMark: 'rowid',
    // Prisma stores DateTime as ISO text on SQLite: 2026-11-11T08:30:15.123+00:00.
    msWithinMinute: (column) => `CAST(substr(${column}, 18, 2) || substr(${column}, 21, 3) AS INTEGER)`,
  },
  postgresql: {
    placeholder: (n) => `$${n}`,
    // The id of the transaction that wrote the row version: moves on every insert and update.
    rowWriteMark: 'xmin::text::bigint',
    msWithinMinute: (column) => `CAST(extract(milliseconds from ${column}) AS bigint)`,
  },
};

export const dialect: Dialect = DIALECTS[DB_PROVIDER];
