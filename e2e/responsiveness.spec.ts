import { largeTaobaoExport } from '../lib/orders/import/test-fixtures';
import { createCase, expect, signUp, test } from './support/fixtures';

const ORDERS = 50_000;
const LIMIT_MS = 1000;

// One retry: on a shared 2-core machine the server itself is sometimes descheduled (CI's log showed
// "event loop held for 636 ms" with 50 ms of its CPU used, and one page at 1,051 ms). Work moved
// back onto the event loop fails both tries; the other suites keep no retries.
test.describe.configure({ retries: 1 });

/**
 * One merchant uploads, previews and imports a 50,000-order export (parsing, storing and auditing
 * it take seconds of CPU) while another merchant keeps opening pages: every one of them must answer
 * within a second, because the heavy work runs on worker threads, never on the server's event loop.
 */
test('another merchant’s pages answer within 1 s while a 50,000-order import and its audit run', async ({ page, user, browser }) => {
  test.setTimeout(300_000);
  const heavy = await createCase(user.id, { title: '五万单导入' });
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  const neighbour = await signUp(other.request, '隔壁店主');
  const own = await createCase(neighbour.id, { title: '隔壁的申诉' });
  const urls = ['/login', '/cases', `/cases/${own.id}/basics`, `/cases/${own.id}/orders`, `/cases/${own.id}/review`];

  // Each page once before measuring: the first request of a route loads its code.
  for (const url of urls) expect((await other.request.get(url)).ok()).toBe(true);
  await page.goto(`/cases/${heavy.id}/audit`);

  const samples: Array<{ url: string; ms: number }> = [];
  let working = true;
  const sampler = (async () => {
    for (let i = 0; working; i++) {
      const url = urls[i % urls.length] ?? '/login';
      const started = Date.now();
      const response = await other.request.get(url);
      samples.push({ url, ms: Date.now() - started });
      expect(response.ok(), url).toBe(true);
    }
  })();

  await page.goto(`/cases/${heavy.id}/orders`);
  await page.getByLabel('订单文件').setInputFiles({ name: 'ExportOrderList202611300930.csv', mimeType: 'text/csv', buffer: Buffer.from(largeTaobaoExport(ORDERS)) });
  await page.getByRole('button', { name: '上传并预览' }).click();
  const preview = page.getByTestId('import-preview');
  await expect(preview).toContainText(`可导入 ${ORDERS} 个订单`, { timeout: 60_000 });
  const importing = samples.length;
  await preview.getByRole('button', { name: `确认导入 ${ORDERS} 个订单` }).click();
  // The page follows the job: progress while it runs, then what it saved.
  await expect(page.getByTestId('import-running')).toBeVisible();
  await expect(page.getByTestId('import-result')).toContainText(`新增 ${ORDERS} 个`, { timeout: 180_000 });
  await page.goto(`/cases/${heavy.id}/audit`);
  await expect(page.getByTestId('audit-summary')).toContainText(`检查了 ${ORDERS} 个订单`, { timeout: 60_000 });
  working = false;
  await sampler;
  await otherContext.close();

  const slowest = samples.reduce((a, b) => (b.ms > a.ms ? b : a));
  console.log(`${samples.length} pages answered meanwhile (${samples.length - importing} during the import); slowest ${slowest.ms} ms (${slowest.url})`);
  expect(samples.length - importing).toBeGreaterThan(10);
  expect(samples.filter((s) => s.ms >= LIMIT_MS)).toEqual([]);
});
