import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statfsSync } from 'node:fs';
import path from 'node:path';
import { test, expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import sharp from 'sharp';
import { PrismaClient } from '../../lib/generated/prisma/client';
import { checkStore, Tally } from './invariants';
import { orderCsv } from './orders';
import type { AppServer } from './server';
import { onSmallDisk } from './tmpfs';
import { shot } from '../support/shots';

const MB = 1024 * 1024;
const MOUNT = '/tmp/appeal-pack-faults-jobs';
/** Outside the data folder: the disk is full for the server, but the filler is nobody's file. */
const FILLER = path.join(MOUNT, 'filler');
const ROWS = 5000;

/** Takes all but `leave` bytes of the disk in one go (the work under test then runs out midway). */
function fillDisk(leave: number): void {
  const { bavail, bsize } = statfsSync(MOUNT);
  execFileSync('fallocate', ['-l', String(Math.max(bsize, bavail * bsize - leave)), FILLER]);
}
const freeDisk = () => rmSync(FILLER, { force: true });

/** Screenshots at desktop and phone width, the message in view (for a person to look at). */
async function look(page: Page, name: string, message: Locator): Promise<void> {
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 800 });
    await message.scrollIntoViewIfNeeded();
    await shot(page, `faults-${name}-${width}`);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** The job rows as the database has them, for a failure's report. */
async function jobsOf(dataDir: string): Promise<unknown[]> {
  const db = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: `file:${path.join(dataDir, 'app.db')}` }) });
  try {
    return await db.job.findMany({ select: { kind: true, status: true, error: true, progress: true, currentItem: true } });
  } catch (error) {
    return [String(error)];
  } finally {
    await db.$disconnect();
  }
}

type ExportJob = { status: string; error: string; result: { files: Array<{ key: string }> } | null };
async function settledExport(api: APIRequestContext, caseId: string): Promise<ExportJob> {
  let job: ExportJob | null = null;
  await expect.poll(async () => (job = ((await (await api.get(`/api/cases/${caseId}/export`)).json()) as { job: ExportJob }).job).status, { timeout: 90_000 }).toMatch(/^(done|failed)$/);
  return job as unknown as ExportJob;
}

/**
 * The disk fills while an import and an export are running (not before they start: that case is
 * disk-full.run.ts): each job stops as failed with the storage-full reason, leaves no partial
 * bundle, the page says so in Chinese, reads go on, and once space is freed the same work succeeds.
 */
test('a disk that fills during a running import and a running export', async ({ browser }) => {
  // Room for an export's up-front estimate (twice the evidence plus 64 MB) before the disk is filled.
  const disk = { mount: MOUNT, sizeMb: 128, port: Number(process.env.FAULT_PORT ?? 3190) + 3, name: '满盘任务' };
  const explain = async (server: AppServer) => {
    const free = existsSync(MOUNT) ? statfsSync(MOUNT) : null;
    console.log(`free bytes: ${free ? free.bavail * free.bsize : '?'}; jobs: ${JSON.stringify(await jobsOf(server.dataDir))}`);
  };
  await onSmallDisk(disk, async ({ server, api, db, caseId }) => {
    for (let n = 0; n < 2; n++) {
      // Noise: a screenshot the bundle's attached original cannot compress below the room left.
      const shot = await sharp({ create: { width: 800, height: 800, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 60 } } }).png().toBuffer();
      expect((await api.post(`/api/cases/${caseId}/evidence?name=chat-${n}.png&category=chat`, { data: shot, headers: { 'content-type': 'application/octet-stream' } })).status()).toBe(201);
    }
    const original = await db.evidence.findFirstOrThrow({ where: { caseId } });
    const context = await browser.newContext({ baseURL: server.url, storageState: await api.storageState() });
    const page = await context.newPage();
    const orders = orderCsv(ROWS, 7);

    // An import: the order file is stored and previewed, then the disk fills before the job saves its orders.
    const importOrders = async () => {
      await page.goto(`/cases/${caseId}/orders`);
      await page.getByLabel('订单文件').setInputFiles({ name: 'orders.csv', mimeType: 'text/csv', buffer: orders });
      await page.getByRole('button', { name: '上传并预览' }).click();
      await expect(page.getByTestId('import-preview')).toBeVisible({ timeout: 60_000 });
    };
    await importOrders();
    fillDisk(1 * MB);
    await page.getByTestId('import-preview').getByRole('button', { name: /确认导入/ }).click();
    await expect(page.getByTestId('import-failed')).toContainText('服务器存储空间不足，导入停下了', { timeout: 90_000 });
    const failedImport = await db.job.findFirstOrThrow({ where: { caseId: caseId, kind: 'order-import' }, orderBy: { createdAt: 'desc' } });
    expect([failedImport.status, failedImport.error]).toEqual(['failed', 'storageFull']);
    const savedBefore = await db.order.count({ where: { caseId } });
    expect(savedBefore).toBeLessThan(ROWS);
    expect((await api.get(`/api/cases/${caseId}/evidence/${original.id}/original`)).status()).toBe(200);
    await look(page, 'import-full', page.getByTestId('import-failed'));
    freeDisk();
    await importOrders();
    await page.getByTestId('import-preview').getByRole('button', { name: /确认导入/ }).click();
    await expect(page.getByTestId('import-result')).toBeVisible({ timeout: 120_000 });
    // Chunks saved before the disk filled are upserted again, not duplicated.
    expect(await db.order.count({ where: { caseId } })).toBe(ROWS);

    // An export: accepted with room to spare, then the disk fills while it builds.
    const exportsDir = path.join(server.dataDir, 'files', 'cases', caseId, 'exports');
    expect((await api.post(`/api/cases/${caseId}/export`, { data: { attachOriginals: true } })).status()).toBe(202);
    fillDisk(1 * MB);
    const failed = await settledExport(api, caseId);
    expect([failed.status, failed.error]).toEqual(['failed', 'storageFull']);
    expect(existsSync(exportsDir) ? readdirSync(exportsDir, { recursive: true }).filter((f) => String(f).endsWith('.pdf')) : []).toEqual([]);
    await page.goto(`/cases/${caseId}/review`);
    const exportAlert = page.getByText('服务器存储空间不足，证据包没有生成，也没有留下不完整的文件。');
    await expect(exportAlert).toBeVisible();
    await look(page, 'export-full', exportAlert);
    expect((await api.get(`/api/cases/${caseId}/evidence/${original.id}/original`)).status()).toBe(200);
    freeDisk();
    expect((await api.post(`/api/cases/${caseId}/export`, { data: { attachOriginals: true } })).status()).toBe(202);
    const done = await settledExport(api, caseId);
    expect(done.status).toBe('done');
    const pdf = await api.get(`/api/cases/${caseId}/export/pdf?volume=1`);
    expect([pdf.status(), (await pdf.body()).subarray(0, 5).toString()]).toEqual([200, '%PDF-']);

    const tally = new Tally();
    await checkStore(server.dataDir, tally, 'disk filled mid-job');
    console.log(`disk-full-jobs: import saved ${savedBefore}/${ROWS} before the disk filled, export failed then done; invariants_checked=${tally.checked} violations=${tally.violations.length}`);
    expect(tally.violations).toEqual([]);
    await context.close();
  }, explain);
});
