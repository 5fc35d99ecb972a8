import 'server-only';
import { DB_PROVIDER } from './client';

/** What a column holds, as far as a hand-written bulk statement must tell the database. */
export type ColumnKind = 'text' | 'boolean' | 'integer' | 'timestamp';

/** Rows for `INSERT INTO … (columns) <sql>`: the SQL after the column list and its bound values. */
export type RowsSource = { sql: string; values: unknown[] };

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
  /**
   * Many rows as the source of one INSERT, each value bound. Rows are arrays in the order of
   * `kinds`; a value is null, a string, a number, a boolean or a Date.
   */
  rowsSource: (kinds: readonly ColumnKind[], rows: readonly unknown[][]) => RowsSource;
};

/** Multi-row VALUES with one placeholder a value: what SQLite runs fastest. */
function valuesList(placeholder: (n: number) => string, kinds: readonly ColumnKind[], rows: readonly unknown[][]): RowsSource {
  let n = 0;
  const tuples = rows.map(() => `(${kinds.map(() => placeholder(++n)).join(',')})`);
  return { sql: `VALUES ${tuples.join(',')}`, values: rows.flat() };
}

const PG_TYPES: Record<ColumnKind, string> = { text: 'text', boolean: 'boolean', integer: 'integer', timestamp: 'timestamp(3)' };

/**
 * One array a column, unnested into rows: 24 bound values for a whole chunk instead of 24 a row,
 * which PostgreSQL plans and binds about twice as fast (bench/import-orders.ts) and which has no
 * 65,535-parameter ceiling. Timestamps travel as ISO text: Prisma's raw-query arguments convert a
 * Date only at the top level, and "timestamp" (without time zone) keeps the UTC wall time, as
 * Prisma itself stores it.
 */
function unnestArrays(kinds: readonly ColumnKind[], rows: readonly unknown[][]): RowsSource {
  const values = kinds.map((_, column) => rows.map((row) => {
    const value = row[column] ?? null;
    return value instanceof Date ? value.toISOString() : value;
  }));
  return { sql: `SELECT * FROM unnest(${kinds.map((kind, i) => `$${i + 1}::${PG_TYPES[kind]}[]`).join(',')})`, values };
}

const DIALECTS: Record<typeof DB_PROVIDER, Dialect> = {
  sqlite: {
    placeholder: () => '?',
    // A deleted row inserted again gets a new rowid.
    rowWriteMark: 'rowid',
    // Prisma stores DateTime as ISO text on SQLite: 2026-11-11T08:30:15.123+00:00.
    msWithinMinute: (column) => `CAST(substr(${column}, 18, 2) || substr(${column}, 21, 3) AS INTEGER)`,
    rowsSource: (kinds, rows) => valuesList(() => '?', kinds, rows),
  },
  postgresql: {
    placeholder: (n) => `$${n}`,
    // The id of the transaction that wrote the row version: moves on every insert and update.
    rowWriteMark: 'xmin::text::bigint',
    msWithinMinute: (column) => `CAST(extract(milliseconds from ${column}) AS bigint)`,
    rowsSource: unnestArrays,
  },
};

export const dialect: Dialect = DIALECTS[DB_PROVIDER];
