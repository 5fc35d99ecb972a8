import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '../../lib/generated/prisma/client';
import { exportableCase } from './case';
import { AppServer } from './server';

export type SmallDisk = { server: AppServer; api: APIRequestContext; db: PrismaClient; userId: string; caseId: string };

/**
 * The production server with its data folder on a tmpfs of `sizeMb` (CI runs as root), a merchant
 * signed up through the API and an exportable case of theirs; everything undone afterwards. On a
 * failure the server's output is printed, after what `explain` adds.
 */
export async function onSmallDisk(
  { mount, sizeMb, port, name }: { mount: string; sizeMb: number; port: number; name: string },
  body: (disk: SmallDisk) => Promise<void>,
  explain: (server: AppServer) => Promise<void> = async () => {},
): Promise<void> {
  mkdirSync(mount, { recursive: true });
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m`, 'tmpfs', mount]);
  const server = new AppServer(path.join(mount, 'data'), port);
  try {
    server.migrate();
    await server.start();
    const api = await playwrightRequest.newContext({ baseURL: server.url });
    const signUp = await api.post('/api/auth/sign-up/email', { data: { name, email: `${sizeMb}mb-${Date.now()}@example.com`, password: 'Evidence2026' } });
    const { user } = (await signUp.json()) as { user: { id: string } };
    const db = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: `file:${path.join(server.dataDir, 'app.db')}`, timeout: 10_000 }) });
    const kase = await exportableCase(db, user.id, name);
    try {
      await body({ server, api, db, userId: user.id, caseId: kase.id });
    } finally {
      await api.dispose();
      await db.$disconnect();
    }
  } catch (error) {
    await explain(server);
    console.log(`server output:\n${server.output()}`);
    throw error;
  } finally {
    await server.kill();
    execFileSync('umount', ['-l', mount]);
    rmSync(mount, { recursive: true, force: true });
  }
}
