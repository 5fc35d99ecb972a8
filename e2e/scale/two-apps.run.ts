import { readFileSync } from 'node:fs';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { generatedPdf } from '../../lib/evidence/inspect/test-fixtures';
import { startTestS3, type TestS3 } from '../../lib/testing/s3-server';
import { testDb } from '../support/db';
import { createExportableCase } from '../support/exportable-case';
import { expect, signUp, test } from '../support/fixtures';
import { E2E_DATABASE_URL } from '../support/paths';
import { AppProcess } from './processes';

const PORT_A = Number(process.env.E2E_PORT ?? 3100);
const PORT_B = PORT_A + 1;
test.use({ baseURL: `http://localhost:${PORT_A}` });

let s3: TestS3;
let appA: AppProcess;
let appB: AppProcess;
let worker: AppProcess;

test.beforeAll(async () => {
  s3 = await startTestS3({ bucket: 'appeal-pack-scale' });
  const shared = { DATABASE_URL: E2E_DATABASE_URL, ...s3.env, BETTER_AUTH_SECRET: 'scale-e2e-secret-shared-by-every-instance-0123', AUTH_RATE_LIMIT: 'off' };
  // The app instances only queue: the worker alone runs jobs, so killing it stops the export.
  appA = new AppProcess('a', 'server.mjs', { ...shared, JOB_WORKERS: 'external' }, PORT_A);
  appB = new AppProcess('b', 'server.mjs', { ...shared, JOB_WORKERS: 'external' }, PORT_B);
  worker = new AppProcess('worker', 'worker.mjs', { ...shared, JOB_WORKERS: '1' });
  await appA.start();
  await Promise.all([appB.start(), worker.start()]);
});

test.afterAll(async () => {
  await Promise.all([appA, appB, worker].map((p) => p?.kill()));
  await s3?.close();
});

/** The bundle volumes stored in the bucket for a case. */
async function storedVolumes(caseId: string): Promise<string[]> {
  const client = new S3Client({ endpoint: s3.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
  const listed = await client.send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: `app/cases/${caseId}/exports/` }));
  return (listed.Contents ?? []).map((o) => o.Key!.slice('app/'.length)).sort();
}

test('two app instances and a worker: sign in on one, upload through the other, the worker killed mid-export, the bundle downloaded', async ({ page }) => {
  test.info().annotations.push({ type: 'processes', description: `app ${appA.url}, app ${appB.url}, one worker` });
  // Signed in on A (the auth API, as the login form calls it): the cookie is the browser's.
  const user = await signUp(page.request);
  const c = await createExportableCase(user.id, '收到平台通知，称双十一期间订单异常。');

  // Uploads go through B, into the shared bucket.
  await page.goto(`${appB.url}/cases/${c.id}/evidence`);
  await page.getByLabel('证据类别').selectOption('invoice');
  await page.getByLabel('选择文件').setInputFiles([{ name: '发票.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await generatedPdf(6)) }]);
  await expect(page.getByTestId('uploads').getByRole('listitem').filter({ hasText: '已上传' })).toHaveCount(1, { timeout: 60_000 });
  await page.getByLabel('证据类别').selectOption('logistics');
  const photos = await Promise.all(['#2563eb', '#16a34a', '#dc2626'].map((background) => sharp({ create: { width: 1600, height: 1200, channels: 3, background } }).jpeg().toBuffer()));
  await page.getByLabel('选择文件').setInputFiles(photos.map((buffer, i) => ({ name: `面单照片${i + 1}.jpg`, mimeType: 'image/jpeg', buffer })));
  await expect(page.getByTestId('uploads').getByRole('listitem').filter({ hasText: '已上传' })).toHaveCount(4, { timeout: 60_000 });

  // The export is asked for on A; the worker claims it and is killed while it works.
  await page.goto(`${appA.url}/cases/${c.id}/review`);
  await expect(page.getByTestId('review-status')).toHaveAttribute('data-ready', 'true');
  const panel = page.getByTestId('export-panel');
  await panel.getByRole('button', { name: '生成证据包' }).click();
  // Generous: on a loaded machine the fingerprint and the first enqueue (pg-boss starting) take seconds.
  await expect(panel.getByTestId('export-progress').getByRole('progressbar')).toBeVisible({ timeout: 60_000 });
  const exportJob = () => testDb().job.findFirstOrThrow({ where: { caseId: c.id, kind: 'export-pdf' } });
  await expect.poll(async () => (await exportJob()).status, { timeout: 60_000, intervals: [50] }).toBe('running');
  await worker.kill();
  expect((await exportJob()).status).toBe('running');
  // Nothing of a bundle is shown or stored: the page still waits for it.
  expect(await storedVolumes(c.id)).toEqual([]);
  await page.reload();
  await expect(page.getByTestId('export-progress').getByRole('progressbar')).toBeVisible();
  await expect(page.getByTestId('export-result')).toHaveCount(0);
  await page.screenshot({ path: `/tmp/${process.env.E2E_SHOT_NAME ?? 'queue'}-scale-waiting.png` });

  // A worker starts again: it finds the job's worker gone, and pg-boss gives the job to it.
  await worker.start();
  const result = page.getByTestId('export-result');
  await expect(result).toBeVisible({ timeout: 90_000 });
  await expect(result).toHaveAttribute('data-current', 'true');
  const job = await exportJob();
  expect(job).toMatchObject({ status: 'done', error: '' });
  expect(await testDb().job.count({ where: { caseId: c.id, kind: 'export-pdf' } })).toBe(1);

  // Downloaded from A; the bucket holds exactly the volumes the job names, nothing half-made beside them.
  const downloading = page.waitForEvent('download');
  await result.getByRole('link', { name: '下载 PDF' }).click();
  const pdf = await PDFDocument.load(readFileSync(await (await downloading).path()));
  expect(pdf.getTitle()).toBe('申诉证据包：小明数码旗舰店');
  expect(pdf.getPageCount()).toBeGreaterThanOrEqual(12);
  const named = (JSON.parse(job.result) as { files: Array<{ key: string }> }).files.map((f) => f.key).sort();
  expect(await storedVolumes(c.id)).toEqual(named);
  await page.screenshot({ path: `/tmp/${process.env.E2E_SHOT_NAME ?? 'queue'}-scale-done.png` });
});
