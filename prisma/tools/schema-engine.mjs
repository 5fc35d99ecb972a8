// Prisma's schema engine (the Rust code behind `prisma migrate`), compiled to
// WebAssembly (npm @prisma/schema-engine-wasm), talking to SQLite through the same
// better-sqlite3 driver adapter the app uses. Used by migrate.mjs because the native
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
// we remember them and close them ourselves: better-sqlite3 then checkpoints the WAL
// and nothing is left open when the script ends.
class ClosableSqliteFactory extends PrismaBetterSqlite3 {
  opened = [];
  async connect() {
    return this.#remember(await super.connect());
  }
  async connectToShadowDb() {
    return this.#remember(await super.connectToShadowDb());
  }
  #remember(adapter) {
    this.opened.push(adapter);
    return adapter;
  }
  async closeAll() {
    await Promise.all(this.opened.splice(0).map((adapter) => adapter.dispose()));
  }
}

// The engine reports through a callback with JSON log lines; show them only on request.
function logLine(line) {
  if (process.env.DEBUG) console.error(`[schema-engine] ${line}`);
}

/**
 * Opens the engine on the SQLite database at `url` (a `file:` URL) with the given
 * Prisma schema. Returns { engine, close }; always call close() (frees the engine's
 * WebAssembly memory and closes its database connections).
 */
export async function openSchemaEngine({ url, schemaPath, schemaText }) {
  await loadWasm();
  // Wait for another process's write (a running app) instead of failing at once; a lock
  // held longer than this surfaces from the adapter as a SocketTimeout error.
  const factory = new ClosableSqliteFactory({ url, timeout: 30_000 });
  const engine = await glue.SchemaEngine.new(
    { datamodels: [[schemaPath, schemaText]] },
    logLine,
    bindMigrationAwareSqlAdapterFactory(factory),
  );
  const close = async () => {
    engine.free();
    await factory.closeAll();
  };
  return { engine, close };
}
