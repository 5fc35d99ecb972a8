import path from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../lib/generated/prisma/client';
import { PrismaClient as PostgresClient } from '../../lib/generated/prisma-pg/client';
import { E2E_DATA_DIR, E2E_DATABASE_URL } from './paths';

let client: PrismaClient | undefined;

/** Direct access to the e2e server's database, for fixtures and for checking what changed. */
export function testDb(): PrismaClient {
  client ??= E2E_DATABASE_URL
    ? // One model API for both clients, as in lib/db/client.ts (which says why the cast is sound).
      (new PostgresClient({ adapter: new PrismaPg({ connectionString: E2E_DATABASE_URL }) }) as unknown as PrismaClient)
    : new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: `file:${path.join(E2E_DATA_DIR, 'app.db')}`, timeout: 5000 }) });
  return client;
}
