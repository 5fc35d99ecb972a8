import { expect, test } from '@playwright/test';
import { testDb } from './support/db';
import { createCase, signUp } from './support/fixtures';

test.describe('another user’s case', () => {
  test('answers 404 on every page and changes nothing', async ({ page, browser }) => {
    const owner = await signUp(page.request, '店主甲');
    const victim = await createCase(owner.id, { title: '甲的申诉', currentStep: 'evidence' });

    const intruderContext = await browser.newContext();
    const intruder = await intruderContext.newPage();
    await signUp(intruder.request, '乙');
    for (const path of [`/cases/${victim.id}`, `/cases/${victim.id}/basics`, `/cases/${victim.id}/review`]) {
      const response = await intruder.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(intruder.getByRole('heading', { name: '找不到页面' })).toBeVisible();
      await expect(intruder.getByText('甲的申诉')).toHaveCount(0);
    }
    const after = await testDb().case.findUniqueOrThrow({ where: { id: victim.id } });
    expect(after).toMatchObject({ title: '甲的申诉', currentStep: 'evidence', version: victim.version });
    await intruderContext.close();
  });

  test('cannot be renamed or deleted through the actions, even with a forged case id', async ({ page, browser }) => {
    const owner = await signUp(page.request, '店主甲');
    const victim = await createCase(owner.id, { title: '甲的申诉' });

    const intruderContext = await browser.newContext();
    const intruder = await intruderContext.newPage();
    const other = await signUp(intruder.request, '乙');
    await createCase(other.id, { title: '乙自己的申诉' });
    await intruder.goto('/cases');

    // Rename: open the form on their own case, then point its hidden id at the victim's case.
    await intruder.getByRole('button', { name: '重命名' }).click();
    await intruder.locator('input[name="caseId"]').evaluate((el, id) => ((el as HTMLInputElement).value = id), victim.id);
    await intruder.getByLabel('新标题').fill('被篡改');
    await intruder.getByRole('button', { name: '保存' }).click();
    await expect(intruder.getByRole('alert').filter({ hasText: '找不到该申诉案件' })).toBeVisible();

    // Delete: the same forgery on the confirmation form.
    await intruder.getByRole('button', { name: '取消' }).click();
    await intruder.getByRole('button', { name: '删除' }).click();
    await intruder.locator('input[name="caseId"]').evaluate((el, id) => ((el as HTMLInputElement).value = id), victim.id);
    await intruder.getByRole('button', { name: '永久删除' }).click();
    await expect(intruder.getByRole('alert').filter({ hasText: '找不到该申诉案件' })).toBeVisible();

    const after = await testDb().case.findUnique({ where: { id: victim.id } });
    expect(after).toMatchObject({ title: '甲的申诉', version: victim.version });
    await expect(intruder.getByRole('link', { name: '乙自己的申诉' })).toBeVisible();
    await intruderContext.close();
  });
});
