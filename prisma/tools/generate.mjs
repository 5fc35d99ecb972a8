// Runs `prisma generate` without the network.
//
// The Prisma 7 CLI wants its native `schema-engine` binary before it generates, and
// downloads it from binaries.prisma.sh when missing; that host is unreachable here.
// Generation itself runs in WebAssembly: the CLI only checks that the file named by
// PRISMA_SCHEMA_ENGINE_BINARY exists, never runs it (verified with Prisma 7.10). So we
// point it at schema-engine-stub, a script that fails loudly if anything ever does.
// The stub lives here in the tooling, never in the app's runtime path.
//
// Both clients are generated: SQLite's from prisma/schema.prisma, PostgreSQL's from the
// schema derived from it (rewritten first, see providers.mjs).
//
// Usage: node prisma/tools/generate.mjs [extra prisma generate flags]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROVIDERS, writeDerivedSchema } from './providers.mjs';

const toolsDir = path.dirname(fileURLToPath(import.meta.url));
const projectRoot = path.resolve(toolsDir, '../..');
const stub = path.join(toolsDir, 'schema-engine-stub');

/** Environment that keeps the CLI offline and quiet. */
function offlineEnv() {
  return {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: stub,
    PRISMA_HIDE_UPDATE_MESSAGE: '1', // no "update available" check
    CHECKPOINT_DISABLE: '1', // no version/telemetry ping to checkpoint.prisma.io
  };
}

// Git may drop the exec bit (zip downloads, core.fileMode=false); Prisma only needs the
// file to exist today, but keep it executable in case a later version checks.
function ensureStubExecutable() {
  try {
    fs.chmodSync(stub, 0o755);
  } catch {
    // Read-only checkout: harmless, existence is what the CLI checks.
  }
}

function generate(schema) {
  // Run the CLI's own entry with this Node instead of node_modules/.bin/prisma,
  // so it behaves the same on Windows (where .bin holds .cmd shims).
  const cli = createRequire(import.meta.url).resolve('prisma/build/index.js');
  const args = [cli, 'generate', '--schema', schema, ...process.argv.slice(2)];
  const result = spawnSync(process.execPath, args, {
    cwd: projectRoot,
    env: offlineEnv(),
    stdio: 'inherit',
  });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function main() {
  ensureStubExecutable();
  if (writeDerivedSchema()) console.log(`generate: wrote ${PROVIDERS.postgresql.schema} from ${PROVIDERS.sqlite.schema}`);
  for (const { schema } of Object.values(PROVIDERS)) {
    const status = generate(schema);
    if (status !== 0) process.exit(status);
  }
}

main();
