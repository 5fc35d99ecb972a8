import 'server-only';
import { isMainThread } from 'node:worker_threads';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { PrismaClient as PostgresClient } from '@/lib/generated/prisma-pg/client';
import { databaseProvider, databaseUrl } from './data-dir.mjs';

/**
 * The one database seam, chosen once at start-up from DATABASE_URL: SQLite (better-sqlite3) is
 * the embedded default, a postgresql:// URL runs on PostgreSQL. Prisma's client is generated per
 * provider, so each has its own (lib/generated/prisma, lib/generated/prisma-pg), both from one
 * schema (prisma/tools/providers.mjs).
 */
/** The SQL dialect behind the adapter, for the rare hand-written statement (lib/db/dialect.ts). */
export const DB_PROVIDER: 'sqlite' | 'postgresql' = databaseProvider();

function createClient(): PrismaClient {
  if (DB_PROVIDER === 'postgresql') {
    // A transaction waits up to 10 s for a pooled connection (Prisma's default is 2 s): under load,
    // with two app processes and their task threads sharing the pool, bench:scale saw an upload
    // refused with P2028 because the wait ran out, not because anything was wrong.
    const transactionOptions = { maxWait: 10_000, timeout: 20_000 };
    const client = new PostgresClient({ adapter: new PrismaPg({ connectionString: databaseUrl(), max: poolSize() }), transactionOptions });
    // Sound because both clients come from the same models with the same scalar types (the
    // derived schema swaps only the provider and the output folder, and refuses native @db
    // types), so every model delegate takes and returns the same shapes. The PostgreSQL type is
    // a superset (e.g. `mode: 'insensitive'`, more isolation levels); typing it as the SQLite
    // client keeps the code to what both run.
    return client as unknown as PrismaClient;
  }
  // A busy timeout lets a writer wait for another's WAL commit instead of failing.
  return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: databaseUrl(), timeout: 5000 }) });
}

/**
 * PostgreSQL connections this client may hold: the main thread answers many requests at once; a
 * job or task thread (each has its own client) runs one thing at a time. pg's default of 10 each
 * took four processes (two apps, two workers, with their threads, pg-boss and case locks) past
 * PostgreSQL's default 100 connections in bench:scale, and exports failed with "too many clients".
 * A process now opens at most 18 (README, "Running on several machines").
 */
function poolSize(): number {
  return isMainThread ? Number(process.env.DATABASE_POOL_MAX) || 5 : 2;
}

// Reuse one client across Next.js dev reloads; one per process in production.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };
export const db: PrismaClient = globalForPrisma.prisma ?? createClient();
if (process.env.NODE_ENV !== 'production') globalForPrisma.prisma = db;
