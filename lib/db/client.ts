import 'server-only';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { databaseUrl } from './data-dir.mjs';

/**
 * The one database seam: Prisma over a driver adapter. SQLite (better-sqlite3)
 * is the embedded default; PostgreSQL needs only another adapter here.
 */
/** The SQL dialect behind the adapter, for the rare hand-written statement (lib/orders/bulk-insert.ts). */
export const DB_PROVIDER: 'sqlite' | 'postgresql' = 'sqlite';

function createClient(): PrismaClient {
  // A busy timeout lets a writer wait for another's WAL commit instead of failing.
  const adapter = new PrismaBetterSqlite3({ url: databaseUrl(), timeout: 5000 });
  return new PrismaClient({ adapter });
}

// Reuse one client across Next.js dev reloads; one per process in production.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };
export const db: PrismaClient = globalForPrisma.prisma ?? createClient();
if (process.env.NODE_ENV !== 'production') globalForPrisma.prisma = db;
