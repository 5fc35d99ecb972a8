/**
 * The whole import path for a 50,000-order Taobao-shaped GBK export generated in memory: parse,
 * store in a fresh SQLite database, then run the self-audit over it. Prints seconds per phase and
 * the peak resident memory. A script that prints figures, not a timed test.
 *
 * Run: npm run bench:import [-- orders]
 * On PostgreSQL: BENCH_DATABASE_URL=postgresql://user:pass@host/any npm run bench:import (a fresh
 * database beside the one named is created for the run and dropped after).
 * (jiti runs the TypeScript; its aliases resolve '@/' and let lib code marked server-only load.)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseOrderFile } from '../lib/orders/import/import-orders';
import { largeTaobaoExport } from '../lib/orders/import/test-fixtures';
import { createDatabase, withDatabase } from '../prisma/tools/postgres-admin.mjs';

const rows = Number(process.argv[2] ?? 50_000);
const bytes = largeTaobaoExport(rows);
const rssBefore = process.memoryUsage().rss;

const started = performance.now();
const result = await parseOrderFile(bytes, 'ExportOrderList202611120930.csv');
const parsed = performance.now();
if (!result.ok) throw new Error(`bench file did not parse: ${result.error}`);

// A fresh database, migrated like the app's, for the store and audit phases.
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bench-orders-'));
process.env.DATA_DIR = dataDir;
const pgBase = process.env.BENCH_DATABASE_URL;
const pgName = `bench_orders_${process.pid}`;
if (pgBase) await createDatabase(pgBase, pgName);
process.env.DATABASE_URL = pgBase ? withDatabase(pgBase, pgName) : '';
execFileSync(process.execPath, ['prisma/tools/migrate.mjs', 'deploy'], { env: process.env, stdio: 'ignore' });
const { db } = await import('../lib/db/client');
const { upsertOrders } = await import('../lib/orders/repository');
const { runCaseAudit } = await import('../lib/audit/case-audit');
const user = await db.user.create({ data: { id: 'bench', name: 'bench', email: 'bench@example.invalid' } });
const { id: caseId } = await db.case.create({ data: { userId: user.id, title: 'bench', platform: 'taobao' } });

const storeStart = performance.now();
const stored = await upsertOrders(caseId, result.orders, 'import');
const storeEnd = performance.now();
const again = await upsertOrders(caseId, result.orders, 'import');
const reimportEnd = performance.now();
const audit = await runCaseAudit(caseId);
const auditEnd = performance.now();
await db.$disconnect();
rmSync(dataDir, { recursive: true, force: true });
if (pgBase) await createDatabase(pgBase, pgName, { drop: true });

// maxRSS is in kilobytes and covers the whole process, generation included.
const peakMb = process.resourceUsage().maxRSS / 1024;
const s = (ms: number) => (ms / 1000).toFixed(2);
console.log(`database: ${pgBase ? 'postgresql' : 'sqlite'}`);
console.log(`rows: ${rows}, file: ${(bytes.length / 1024 / 1024).toFixed(1)} MB GBK (${result.encoding}), orders: ${result.orders.length}, row errors: ${result.rowErrors.length}`);
console.log(`parse: ${s(parsed - started)} s; store: ${s(storeEnd - storeStart)} s (${stored.created} created); re-import: ${s(reimportEnd - storeEnd)} s (${again.created} created, ${again.updated} updated)`);
console.log(`audit (load + rules): ${s(auditEnd - reimportEnd)} s, ${audit.findingCount} findings`);
console.log(`import seconds=${s(auditEnd - started)} peak_rss_mb=${peakMb.toFixed(0)} (RSS before parsing: ${(rssBefore / 1024 / 1024).toFixed(0)} MB)`);
