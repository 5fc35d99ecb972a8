import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, expect, request as playwrightRequest, type APIRequestContext, type Page } from '@playwright/test';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '../../lib/generated/prisma/client';
import { backup } from '../../lib/backup/backup';
import { restore } from '../../lib/backup/restore';
import { exportableCase } from './case';
import { activeJobs, checkStore, sha256, Tally } from './invariants';
import { orderCsv } from './orders';
import { AppServer } from './server';

const KILLS = Number(process.env.FAULT_KILLS ?? 30);
const PORT = Number(process.env.FAULT_PORT ?? 3190);
const KINDS = ['upload', 'import', 'export'] as const;
type Kind = (typeof KINDS)[number];
const random = (min: number, max: number) => min + Math.floor(Math.random() * (max - min));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('the server killed at random moments during uploads, imports and exports loses nothing', async ({ browser }) => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'faults-'));
  const server = new AppServer(dataDir, PORT);
  server.migrate();
  await server.start();
  const api: APIRequestContext = await playwrightRequest.newContext({ baseURL: server.url });
  const signUp = await api.post('/api/auth/sign-up/email', { data: { name: '故障测试', email: `faults-${Date.now()}@example.com`, password: 'Evidence2026' } });
  expect(signUp.ok(), await signUp.text()).toBeTruthy();
  const { user } = (await signUp.json()) as { user: { id: string } };
  const db = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: `file:${path.join(dataDir, 'app.db')}`, timeout: 10_000 }) });
  const kase = await exportableCase(db, user.id, '故障注入');
  const context = await browser.newContext({ baseURL: server.url, storageState: await api.storageState() });
  const page: Page = await context.newPage();

  const finished = new Map<string, string>(); // evidence id → SHA-256 of what was uploaded and answered 201
  const upload = (bytes: Buffer, name: string) =>
    api.post(`/api/cases/${kase.id}/evidence?name=${encodeURIComponent(name)}&category=chat`, { data: bytes, headers: { 'content-type': 'application/octet-stream' }, timeout: 120_000 });
  const remember = async (response: Awaited<ReturnType<typeof upload>>, bytes: Buffer) => {
    if (response.status() === 201) finished.set(((await response.json()) as { evidenceId: string }).evidenceId, sha256(bytes));
  };
  // Something to export from the first kill on.
  for (let i = 0; i < 3; i++) {
    const bytes = Buffer.from(`聊天记录 ${i}\n${randomBytes(2000).toString('hex')}\n`);
    await remember(await upload(bytes, `chat-${i}.txt`), bytes);
  }

  const tally = new Tally();
  const kills: Record<Kind, number> = { upload: 0, import: 0, export: 0 };
  let interrupted = 0;
  for (let n = 0; n < KILLS; n++) {
    const kind = KINDS[n % KINDS.length] as Kind;
    // Start the work, let it run for a random moment, then pull the plug.
    if (kind === 'upload') {
      const bytes = Buffer.concat([Buffer.from('聊天记录\n'), Buffer.from(randomBytes(random(2, 12) * 1024 * 1024).toString('base64'))]);
      const sent = upload(bytes, `big-${n}.txt`).then((r) => remember(r, bytes), () => undefined);
      await sleep(random(20, 1500));
      await server.kill();
      await sent;
    } else if (kind === 'import') {
      await page.goto(`/cases/${kase.id}/orders`);
      await page.getByLabel('订单文件').setInputFiles({ name: `orders-${n}.csv`, mimeType: 'text/csv', buffer: orderCsv(random(500, 3000), n) });
      await page.getByRole('button', { name: '上传并预览' }).click();
      await page.getByTestId('import-preview').getByRole('button', { name: /确认导入/ }).click();
      await sleep(random(50, 2000));
      await server.kill();
    } else {
      await api.post(`/api/cases/${kase.id}/export`, { data: {} }).catch(() => undefined);
      await sleep(random(100, 5000));
      await server.kill();
    }
    kills[kind] += 1;
    // What the kill cut off: a job the server was running, or an upload half-written to the store.
    if (activeJobs(dataDir) > 0 || readdirSync(path.join(dataDir, 'files', '.tmp')).length > 0) interrupted += 1;

    await server.start();
    // Interrupted imports run again after the restart: wait for the jobs to settle.
    for (let waited = 0; activeJobs(dataDir) > 0 && waited < 180_000; waited += 500) await sleep(500);
    await checkStore(dataDir, tally, `kill ${n + 1} (${kind})`);
    for (const [id, hash] of finished) {
      const got = await api.get(`/api/cases/${kase.id}/evidence/${id}/original`);
      tally.check(got.ok() && sha256(await got.body()) === hash, `kill ${n + 1}: finished upload ${id} not downloadable byte for byte`);
    }
  }

  // Backup while the server runs, restore into a fresh folder, and the restored app serves the same case and files.
  const restoredDir = mkdtempSync(path.join(tmpdir(), 'faults-restored-'));
  const backupDir = path.join(mkdtempSync(path.join(tmpdir(), 'faults-backup-')), 'snapshot');
  await backup({ dataDir, databaseFile: path.join(dataDir, 'app.db') }, backupDir);
  const restoredData = path.join(restoredDir, 'data');
  const restoredSummary = await restore(backupDir, { dataDir: restoredData, databaseFile: path.join(restoredData, 'app.db') });
  tally.check(restoredSummary.originalsVerified >= finished.size, 'restore: fewer originals verified than finished uploads');
  const restoredServer = new AppServer(restoredData, PORT + 2);
  await restoredServer.start();
  const restoredApi = await playwrightRequest.newContext({ baseURL: restoredServer.url, storageState: await api.storageState() });
  const cases = await restoredApi.get('/cases');
  tally.check(cases.ok() && (await cases.text()).includes('故障注入'), 'restore: the case list does not show the case');
  for (const [id, hash] of finished) {
    const got = await restoredApi.get(`/api/cases/${kase.id}/evidence/${id}/original`);
    tally.check(got.ok() && sha256(await got.body()) === hash, `restore: upload ${id} not served byte for byte`);
  }
  await restoredApi.dispose();
  await restoredServer.kill();
  rmSync(restoredDir, { recursive: true, force: true });
  rmSync(path.dirname(backupDir), { recursive: true, force: true });

  console.log(`faults: kills=${KILLS} (upload ${kills.upload}, import ${kills.import}, export ${kills.export}) interrupted_work=${interrupted} invariants_checked=${tally.checked} violations=${tally.violations.length} finished_uploads=${finished.size}`);
  expect(tally.violations).toEqual([]);
  await context.close();
  await api.dispose();
  await db.$disconnect();
  await server.kill();
  rmSync(dataDir, { recursive: true, force: true });
});
