import { chinaDate } from './support/dates';
import { testDb } from './support/db';
import { createCase, expect, test } from './support/fixtures';
import { e2eStore } from './support/storage';


test('the list shows platform, status, deadline countdown, progress and where to resume', async ({ page, user }) => {
  await createCase(user.id, { title: '紧急申诉', platform: 'douyin', appealDeadline: chinaDate(2), currentStep: 'evidence' });
  await createCase(user.id, { title: '不急的申诉', platform: 'jd', appealDeadline: chinaDate(10) });
  await page.goto('/cases');
  const urgent = page.getByTestId('case-item').filter({ hasText: '紧急申诉' });
  await expect(urgent).toContainText('抖店');
  await expect(urgent).toContainText('草稿');
  await expect(urgent).toContainText('证据材料');
  await expect(urgent.getByTestId('deadline')).toContainText('剩 2 天');
  await expect(urgent.getByTestId('deadline')).toHaveAttribute('data-level', 'soon');
  const calm = page.getByTestId('case-item').filter({ hasText: '不急的申诉' });
  await expect(calm.getByTestId('deadline')).toHaveAttribute('data-level', 'ok');
  await expect(calm.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '0');
});

test('creating a case validates in the browser and keeps what was typed', async ({ page, user }) => {
  void user;
  await page.goto('/cases');
  await page.getByLabel('申诉标题').fill('没有选平台的申诉');
  await page.getByRole('button', { name: '创建并开始填写' }).click();
  await expect(page.locator('#field-platform-error')).toHaveText('此项为必填。');
  await expect(page.getByLabel('申诉标题')).toHaveValue('没有选平台的申诉');
  await page.getByLabel('平台').selectOption('pinduoduo');
  await page.getByRole('button', { name: '创建并开始填写' }).click();
  await expect(page).toHaveURL(/\/basics$/);
  await expect(page.getByTestId('case-title')).toHaveText('没有选平台的申诉');
});

test('rename, then delete with confirmation, which removes the stored files', async ({ page, user }) => {
  const c = await createCase(user.id, { title: '旧标题' });
  // Through the store the app uses: its data folder, or the bucket when E2E_STORAGE=s3.
  await e2eStore().put(`cases/${c.id}/original.bin`, new TextEncoder().encode('evidence bytes'));
  await e2eStore().put(`cases/${c.id}/derived/thumb.webp`, new TextEncoder().encode('thumb'));

  await page.goto('/cases');
  await page.getByRole('button', { name: '重命名' }).click();
  await page.getByLabel('新标题').fill('<b>新标题</b>');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('link', { name: '<b>新标题</b>' })).toBeVisible();

  await page.getByRole('button', { name: '删除' }).click();
  await expect(page.getByRole('alertdialog')).toContainText('永久删除');
  await page.getByRole('button', { name: '取消' }).click();
  await expect(page.getByTestId('case-item')).toHaveCount(1);

  await page.getByRole('button', { name: '删除' }).click();
  await page.getByRole('button', { name: '永久删除' }).click();
  await expect(page.getByTestId('case-item')).toHaveCount(0);
  expect(await testDb().case.findUnique({ where: { id: c.id } })).toBeNull();
  expect(await e2eStore().list(`cases/${c.id}/`)).toEqual([]);
});

test('the interface switches to English and remembers it', async ({ page, user }) => {
  await createCase(user.id, { title: '语言测试' });
  await page.goto('/cases');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'My appeals', level: 1 })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'My appeals', level: 1 })).toBeVisible();
  await expect(page.getByText('语言测试')).toBeVisible();
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { name: '我的申诉', level: 1 })).toBeVisible();
});
