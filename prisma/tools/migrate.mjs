// Prisma migrations without the native engine (see schema-engine.mjs for why).
//
//   node prisma/tools/migrate.mjs deploy           apply pending migrations
//   node prisma/tools/migrate.mjs create <name>    new migration from schema.prisma, applied
//   node prisma/tools/migrate.mjs reset [--force]  delete the database, re-apply everything
//
// The provider follows DATABASE_URL (lib/db/data-dir.mjs): SQLite applies prisma/migrations,
// PostgreSQL prisma/postgresql/migrations (see providers.mjs). `create` writes both: the
// SQLite one diffed against the migrated SQLite dev database as before, its PostgreSQL twin
// (same directory name) diffed between the derived schema before and after, which needs a
// PostgreSQL to talk to (MIGRATE_POSTGRES_URL, any database: nothing is written there).
//
// The layout is Prisma's own (prisma/migrations/<timestamp>_<name>/migration.sql,
// migration_lock.toml, rows in `_prisma_migrations` written by Prisma's engine code), so
// `prisma migrate deploy` keeps working wherever the native engine is available: the
// checksum column is the engine's sha256 hex of migration.sql (schema-connector's
// checksum.rs, the same Rust code in both builds), so those rows count as applied.
// The database is the app's: lib/db/data-dir.mjs (DATA_DIR, DATABASE_URL).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { databaseFile, databaseProvider, databaseUrl } from '../../lib/db/data-dir.mjs';
import { appliedOnPostgres, resetPostgres, shownUrl } from './postgres-admin.mjs';
import { derivePostgresSchema, lockContent, PROVIDERS, root, writeDerivedSchema } from './providers.mjs';
import { NO_EXTERNAL, openSchemaEngine } from './schema-engine.mjs';

const provider = databaseProvider();
const SCHEMA = PROVIDERS[provider].schema; // relative to root; also how errors name it
const LOCKFILE = 'migration_lock.toml';
const dirOf = (p) => path.join(root, PROVIDERS[p].migrations);
const migrationsDir = dirOf(provider);

/** The migrations folder as the Prisma CLI hands it to the engine (same shape, same order). */
function readMigrationsList(migrationsDir) {
  const lockPath = path.join(migrationsDir, LOCKFILE);
  const lockContent = fs.existsSync(lockPath) ? fs.readFileSync(lockPath, 'utf8') : null;
  const dirs = fs.existsSync(migrationsDir) ? fs.readdirSync(migrationsDir, { withFileTypes: true }) : [];
  const migrationDirectories = dirs
    .filter((d) => d.isDirectory())
    .map((d) => ({ path: d.name, migrationFile: { path: 'migration.sql', content: readSql(migrationsDir, d.name) } }))
    .sort((a, b) => a.path.localeCompare(b.path));
  return { baseDir: migrationsDir, lockfile: { path: LOCKFILE, content: lockContent }, shadowDbInitScript: '', migrationDirectories };
}

function readSql(migrationsDir, dirName) {
  try {
    return { tag: 'ok', value: fs.readFileSync(path.join(migrationsDir, dirName, 'migration.sql'), 'utf8') };
  } catch (error) {
    return { tag: 'error', value: error.message };
  }
}

function ensureLockfile() {
  const lockPath = path.join(migrationsDir, LOCKFILE);
  if (fs.existsSync(lockPath)) return;
  fs.mkdirSync(migrationsDir, { recursive: true });
  fs.writeFileSync(lockPath, lockContent(provider));
}

async function withEngine(work) {
  const schemaText = fs.readFileSync(path.join(root, SCHEMA), 'utf8');
  const { engine, close } = await openSchemaEngine({ provider, url: databaseUrl(), schemaPath: SCHEMA, schemaText });
  try {
    return await work(engine, schemaText);
  } finally {
    await close();
  }
}

async function applyPending(engine) {
  ensureLockfile();
  const result = await engine.applyMigrations({ migrationsList: readMigrationsList(migrationsDir), filters: NO_EXTERNAL });
  return result.appliedMigrationNames;
}

// WAL lets the app read while it writes; the mode is stored in the file, so once is
// enough, and repeating it is free. The pending count is read back from the database,
// as a check on the engine's own answer.
async function finish(applied) {
  if (provider === 'postgresql') {
    const done = await appliedOnPostgres(databaseUrl());
    const pending = readMigrationsList(migrationsDir).migrationDirectories.filter((m) => !done.has(m.path)).length;
    console.log(`migrations: ${applied.length} applied, ${pending} pending, db=${shownUrl(databaseUrl())}`);
    return;
  }
  const db = new Database(databaseFile());
  try {
    db.pragma('journal_mode = WAL');
    const done = new Set(
      db.prepare('SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL').pluck().all(),
    );
    const pending = readMigrationsList(migrationsDir).migrationDirectories.filter((m) => !done.has(m.path)).length;
    console.log(`migrations: ${applied.length} applied, ${pending} pending, db=${shownPath(databaseFile())}`);
  } finally {
    db.close();
  }
}

const shownPath = (file) => (file.startsWith(process.cwd() + path.sep) ? path.relative(process.cwd(), file) : file);

async function deploy() {
  await finish(await withEngine(applyPending));
}

async function create(rawName) {
  const name = slug(rawName ?? '');
  if (!name) throw new Error('a name is required: create <name> (letters, digits, _)');
  if (provider !== 'sqlite') throw new Error('create diffs against the SQLite dev database: run it without a postgresql DATABASE_URL');
  const twinUrl = process.env.MIGRATE_POSTGRES_URL;
  if (!twinUrl) throw new Error('MIGRATE_POSTGRES_URL (any PostgreSQL database) is needed to write the PostgreSQL twin; nothing was written');
  const applied = await withEngine(async (engine, schemaText) => {
    const before = await applyPending(engine);
    const sql = await diffAgainstSchema(engine, schemaText);
    if (!sql) {
      console.log('create: schema.prisma matches the database; no migration written.');
      return before;
    }
    const dir = `${timestamp()}_${name}`;
    const twin = await postgresTwin(twinUrl, schemaText);
    writeMigration(migrationsDir, dir, sql);
    if (twin) writeMigration(dirOf('postgresql'), dir, twin);
    writeDerivedSchema();
    return [...before, ...(await applyPending(engine))];
  });
  await finish(applied);
}

function writeMigration(base, dir, sql) {
  fs.mkdirSync(path.join(base, dir)); // throws if it exists, like Prisma
  fs.writeFileSync(path.join(base, dir, 'migration.sql'), sql);
  console.log(`create: wrote ${path.relative(root, path.join(base, dir, 'migration.sql'))}`);
}

// The committed derived schema is what the PostgreSQL migrations lead to (the drift test
// checks it), so the difference to the newly derived one is the next step.
async function postgresTwin(url, schemaText) {
  const schemaPath = PROVIDERS.postgresql.schema;
  const before = fs.readFileSync(path.join(root, schemaPath), 'utf8');
  const after = derivePostgresSchema(schemaText);
  const { engine, close } = await openSchemaEngine({ provider: 'postgresql', url, schemaPath, schemaText: after });
  try {
    const datamodel = (content) => ({ tag: 'schemaDatamodel', files: [{ path: schemaPath, content }] });
    const { stdout } = await engine.diff({ from: datamodel(before), to: datamodel(after), script: true, exitCode: null, filters: NO_EXTERNAL });
    return !stdout || stdout.includes('This is an empty migration') ? null : stdout;
  } finally {
    await close();
  }
}

// `prisma migrate dev` needs a shadow database, which the wasm engine cannot create for
// SQLite; with the dev database migrated to the head, diffing it against the schema
// yields the script `migrate dev` would write. The first migration is diffed from nothing, so leftovers in an
// unmigrated dev database (e.g. from `db push`) cannot leak into it.
async function diffAgainstSchema(engine, schemaText) {
  const files = [{ path: SCHEMA, content: schemaText }];
  const from = readMigrationsList(migrationsDir).migrationDirectories.length === 0
    ? { tag: 'empty' }
    : { tag: 'schemaDatasource', files, configDir: path.join(root, 'prisma') };
  const { stdout } = await engine.diff({ from, to: { tag: 'schemaDatamodel', files }, script: true, exitCode: null, filters: NO_EXTERNAL });
  return !stdout || stdout.includes('This is an empty migration') ? null : stdout;
}

async function reset(flags) {
  if (process.env.NODE_ENV === 'production' && !flags.includes('--force')) {
    throw new Error('refusing to delete the database with NODE_ENV=production (add --force).');
  }
  if (provider === 'postgresql') {
    await resetPostgres(databaseUrl());
    console.log(`reset: dropped every table of ${shownUrl(databaseUrl())}`);
    return deploy();
  }
  const file = databaseFile();
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
  console.log(`reset: deleted ${file}`);
  await deploy();
}

// Prisma's own naming: UTC YYYYMMDDHHMMSS, then the name in snake_case.
const timestamp = () => new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const slug = (name) => name.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 200);

const commands = { deploy, create, reset: () => reset(process.argv.slice(3)) };
const [command, arg] = process.argv.slice(2);
const run = commands[command];
if (!run) {
  console.error('usage: node prisma/tools/migrate.mjs deploy | create <name> | reset [--force]');
  process.exitCode = 2;
} else {
  try {
    await run(arg);
  } catch (error) {
    // Engine errors carry Prisma's error code (P1014, P3009...), searchable in Prisma's docs.
    const code = error?.code ? ` [${error.code}]` : '';
    const message = String(error?.message ?? error);
    // The engine does not know the adapter's busy-timeout error and reports it as a variant it
    // cannot parse: say what it means.
    const hint = message.includes('SocketTimeout') ? ' (the database stayed locked by another process for 30 s: stop other copies of the app and try again)' : '';
    console.error(`migrate ${command}${code}: ${message.split('\n')[0]}${hint}`);
    process.exitCode = 1;
  }
}
