import { expect, type Page } from '@playwright/test';

/** On the review step: makes the bundle and downloads its PDF; the downloaded file's path. */
export async function exportAndDownload(page: Page, caseId: string): Promise<string> {
  await page.goto(`/cases/${caseId}/review`);
  await expect(page.getByTestId('review-status')).toHaveAttribute('data-ready', 'true');
  const panel = page.getByTestId('export-panel');
  await panel.getByRole('button', { name: '生成证据包' }).click();
  const result = panel.getByTestId('export-result');
  await expect(result).toBeVisible({ timeout: 60_000 });
  const downloading = page.waitForEvent('download');
  await result.getByRole('link', { name: '下载 PDF' }).click();
  return (await downloading).path();
}
