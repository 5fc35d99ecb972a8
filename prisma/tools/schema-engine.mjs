// Prisma's schema engine (the Rust code behind `prisma migrate`), compiled to
// WebAssembly (npm @prisma/schema-engine-wasm), talking to the database through the
// same driver adapter the app uses (better-sqlite3 for SQLite, pg for PostgreSQL). Used by migrate.mjs because the native
// engine binary cannot be downloaded on these machines.
//
// Why we instantiate the .wasm ourselves: the package's entry (schema_engine.js) does
// `import * as wasm from "./schema_engine_bg.wasm"`, which only bundlers understand;
// plain Node needs --experimental-wasm-modules for it, which means re-spawning node with
// an experimental flag and its warning. The entry is four lines, so we repeat them:
// compile the .wasm with the glue module (schema_engine_bg.js) as its import object,
// hand the exports to the glue via __wbg_set_wasm and run the start function. That uses
// only the package's public `./schema_engine_bg` export and stable WebAssembly APIs.
import fs from 'node:fs';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import * as glue from '@prisma/schema-engine-wasm/schema_engine_bg';

/** Schema filter meaning "every table and enum is ours" (prisma.config.ts has none external). */
export const NO_EXTERNAL = { externalTables: [], externalEnums: [] };

let loaded;

/** Instantiates the WebAssembly module once per process. */
async function loadWasm() {
  loaded ??= (async () => {
    const glueUrl = import.meta.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bytes = fs.readFileSync(new URL('schema_engine_bg.wasm', glueUrl));
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': glue });
    glue.__wbg_set_wasm(instance.exports);
    instance.exports.__wbindgen_start();
  })();
  return loaded;
}

// The engine opens its connections through the factory and never hands them back, so
// we remember them and close them ourselves: better-sqlite3 then checkpoints the WAL, pg
// ends its pool, and nothing is left open when the script ends. No shadow database is
// ever asked for: migrate.mjs diffs against the migrated database instead.
function closable(factory) {
  const opened = [];
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    opened.push(adapter);
    return adapter;
  };
  return { factory, closeAll: () => Promise.all(opened.splice(0).map((adapter) => adapter.dispose())) };
}

// Wait for another process's write (a running app) instead of failing at once; a SQLite
// lock held longer than this surfaces from the adapter as a SocketTimeout error.
const FACTORIES = {
  sqlite: (url) => new PrismaBetterSqlite3({ url, timeout: 30_000 }),
  postgresql: (url) => new PrismaPg({ connectionString: url }),
};

// The engine reports through a callback with JSON log lines; show them only on request.
function logLine(line) {
  if (process.env.DEBUG) console.error(`[schema-engine] ${line}`);
}

/**
 * Opens the engine on the database at `url` (a `file:` URL for 'sqlite', a postgresql://
 * URL for 'postgresql') with the given Prisma schema. Returns { engine, close }; always
 * call close() (frees the engine's WebAssembly memory and closes its connections).
 */
export async function openSchemaEngine({ provider, url, schemaPath, schemaText }) {
  await loadWasm();
  const { factory, closeAll } = closable(FACTORIES[provider](url));
  const engine = await glue.SchemaEngine.new(
    { datamodels: [[schemaPath, schemaText]] },
    logLine,
    bindMigrationAwareSqlAdapterFactory(factory),
  );
  const close = async () => {
    engine.free();
    await closeAll();
  };
  return { engine, close };
}
