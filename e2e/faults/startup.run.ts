import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '../../lib/generated/prisma/client';
import { AppServer } from './server';

const PORT = Number(process.env.FAULT_PORT ?? 3190) + 1;

/**
 * instrumentation.ts's start-up work (recover interrupted jobs, start claiming queued ones,
 * recount, sweep) must be done when the server says it is ready, with no request needed: Next.js
 * 16 only fires it from its server's constructor as an "optimization" (next-server.js), without
 * waiting for it, and earlier versions ran it on the first request. server.mjs runs it, and waits
 * for it, before it listens. This test sends the server no request and looks only at the database.
 */
test('the server does its start-up work (recovering an interrupted job) before any request', async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'startup-'));
  const server = new AppServer(dataDir, PORT);
  server.migrate();
  const db = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: `file:${path.join(dataDir, 'app.db')}`, timeout: 10_000 }) });
  try {
    // What a server killed mid-export leaves behind.
    const userId = randomUUID();
    await db.user.create({ data: { id: userId, name: '启动测试', email: `${userId}@test.invalid` } });
    const kase = await db.case.create({ data: { userId, title: '启动恢复', platform: 'tmall' } });
    const job = await db.job.create({ data: { caseId: kase.id, kind: 'export-pdf', status: 'running', progress: 0.4 } });

    await server.start({ request: false });
    // Read once, the moment it says it is ready: by then the job's page must already offer a retry.
    expect(await db.job.findUniqueOrThrow({ where: { id: job.id } }), server.output()).toMatchObject({ status: 'failed', error: 'interrupted' });
  } finally {
    await server.kill();
    await db.$disconnect();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
