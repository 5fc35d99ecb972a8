// The few things migrate.mjs and the test setup do on PostgreSQL outside the schema engine,
// over a plain `pg` client (the engine reports a failed connection only as "External error
// id#0"; pg says what went wrong).
import pg from 'pg';

/** The URL without its password, for messages and logs. */
export function shownUrl(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgresql://…';
  }
}

async function withClient(url, work) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Names of the migrations recorded as applied (and not rolled back) in the database. */
export async function appliedOnPostgres(url) {
  return withClient(url, async (client) => {
    const { rows } = await client.query(
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    return new Set(rows.map((r) => r.migration_name));
  });
}

/** Empties the database: its public schema is dropped with everything in it and made again. */
export async function resetPostgres(url) {
  await withClient(url, (client) => client.query('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public'));
}

/**
 * Creates (or, with drop, removes) a database next to the one `url` names, e.g. a fresh one
 * per test run. Names are ours, never user input, but are still checked before quoting.
 */
export async function createDatabase(url, name, { drop = false } = {}) {
  if (!/^[a-z0-9_]{1,63}$/.test(name)) throw new Error(`bad database name ${name}`);
  await withClient(url, (client) => client.query(drop ? `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)` : `CREATE DATABASE "${name}"`));
}

/** `url` with its database swapped for `name`. */
export function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Runs a migration script (several statements) as one simple query. */
export async function runScript(url, sql) {
  await withClient(url, (client) => client.query(sql));
}

/**
 * What a database's tables are, as sorted text lines (columns with type, nullability and
 * default; indexes; constraints), for comparing two databases. Prisma's own bookkeeping
 * table is left out.
 */
export async function describeTables(url) {
  return withClient(url, async (client) => {
    const queries = [
      `SELECT concat_ws(' ', table_name, column_name, data_type, is_nullable, column_default) AS line
         FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
      `SELECT concat_ws(' ', tablename, indexdef) AS line FROM pg_indexes
         WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
      `SELECT concat_ws(' ', conrelid::regclass::text, conname, pg_get_constraintdef(oid)) AS line FROM pg_constraint
         WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '_prisma_migrations'`,
    ];
    const lines = [];
    for (const sql of queries) lines.push(...(await client.query(sql)).rows.map((r) => r.line));
    return lines.sort();
  });
}
