import { testDb } from './support/db';
import { createCase, expect, test } from './support/fixtures';
import { shot } from './support/shots';

const MB = 1024 * 1024;
/** The default case quota (EVIDENCE_MAX_CASE_MB): the e2e server runs with the defaults. */
const CASE_QUOTA = 1024 * MB;

/** A distinct plain-text chat log of `size` bytes. */
function chatLog(size: number, seed: string): Buffer {
  const line = Buffer.from(`${seed} 客服：您好，已为您发货。\n`);
  return Buffer.concat(Array.from({ length: Math.ceil(size / line.length) }, () => line)).subarray(0, size);
}

test('six uploads at once into an almost full case: those that fit are stored, the rest say why, and the case stays within its quota', async ({ page, user }) => {
  const c = await createCase(user.id);
  // 10 MB of room left: filled straight in the database, as if earlier uploads had used it.
  await testDb().case.update({ where: { id: c.id }, data: { storedBytes: BigInt(CASE_QUOTA - 10 * MB) } });
  await page.goto(`/cases/${c.id}/evidence`);
  await expect(page.getByText('已用 1,014 MB / 1,024 MB')).toBeVisible();
  await page.getByLabel('证据类别').selectOption('chat');
  // Each fits the room the page knows of, so the browser sends all six side by side; only the server can say no.
  await page.getByLabel('选择文件').setInputFiles(Array.from({ length: 6 }, (_, i) => ({ name: `聊天记录-${i + 1}.txt`, mimeType: 'text/plain', buffer: chatLog(3 * MB, `#${i}`) })));
  const items = page.getByTestId('uploads').getByRole('listitem');
  await expect(items.filter({ hasText: '已上传' })).toHaveCount(3, { timeout: 30_000 });
  await expect(items.filter({ hasText: '本案件的证据总量已达上限。' })).toHaveCount(3);
  await shot(page.getByTestId('uploads'), 'quota-uploads-1280');

  const stored = await testDb().case.findUniqueOrThrow({ where: { id: c.id } });
  expect(Number(stored.storedBytes)).toBe(CASE_QUOTA - 10 * MB + 9 * MB);
  expect(await testDb().evidence.count({ where: { caseId: c.id } })).toBe(3);
  await page.reload();
  await expect(page.getByText('已用 1,023 MB / 1,024 MB')).toBeVisible();
  await page.setViewportSize({ width: 360, height: 800 });
  await shot(page, 'quota-evidence-360');
});

test('an account at its case limit is told so when it tries to create another', async ({ page, user }) => {
  // 100 cases is the default limit (MAX_CASES_PER_ACCOUNT).
  await testDb().case.createMany({ data: Array.from({ length: 100 }, (_, i) => ({ userId: user.id, title: `旧案件 ${i + 1}`, platform: 'taobao' })) });
  await page.goto('/cases');
  await page.getByLabel('申诉标题').fill('第一百零一个');
  await page.getByLabel('平台').selectOption('tmall');
  await page.getByRole('button', { name: '创建并开始填写' }).click();
  const alert = page.getByRole('form', { name: '新建申诉' }).getByRole('alert');
  await expect(alert).toContainText('你的账户已有 100 个申诉案件，达到上限');
  await expect(page).toHaveURL(/\/cases$/);
  expect(await testDb().case.count({ where: { userId: user.id } })).toBe(100);
  await shot(alert, 'quota-cases-1280');
  await page.setViewportSize({ width: 360, height: 800 });
  await alert.scrollIntoViewIfNeeded();
  await shot(page, 'quota-cases-360');
});

test('a case at its order limit takes no new order numbers, and says how many it holds', async ({ page, user }) => {
  const c = await createCase(user.id, { currentStep: 'orders' });
  const first = await testDb().order.create({ data: { caseId: c.id, orderNo: '4000000000000000000', source: 'import' } });
  // 50,000 orders (MAX_ORDERS_PER_CASE's default) in one statement: the first row's timestamps copied.
  // Written in the SQL both databases accept (FALSE, a tagged template's own placeholders).
  await testDb().$executeRaw`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 49999)
     INSERT INTO "Order" ("id", "caseId", "orderNo", "flagged", "source", "trackingHistory", "createdAt", "updatedAt")
     SELECT 'e2e-' || i || '-' || o."caseId", o."caseId", CAST(4000000000000000000 + i AS TEXT), FALSE, 'import', '', o."createdAt", o."updatedAt"
     FROM n, (SELECT * FROM "Order" WHERE "id" = ${first.id}) AS o`;
  await page.goto(`/cases/${c.id}/orders`);
  await page.getByLabel('粘贴订单号').fill('4000000000000000001\n4000000000000099999');
  await page.getByRole('button', { name: '添加订单' }).click();
  const alert = page.getByRole('alert').filter({ hasText: '每个案件最多' });
  await expect(alert).toContainText('每个案件最多 50,000 个订单：本案件已有 50,000 个，这次要新增 1 个，会超出上限，未添加任何订单。');
  await shot(alert, 'quota-orders-1280');
  expect(await testDb().order.count({ where: { caseId: c.id } })).toBe(50_000);
});
