import path from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '../../lib/generated/prisma/client';
import { E2E_DATA_DIR } from './paths';

let client: PrismaClient | undefined;

/** Direct access to the e2e server's database, for fixtures and for checking what changed. */
export function testDb(): PrismaClient {
  const url = `file:${path.join(E2E_DATA_DIR, 'app.db')}`;
  client ??= new PrismaClient({ adapter: new PrismaBetterSqlite3({ url, timeout: 5000 }) });
  return client;
}
