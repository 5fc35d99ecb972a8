import { testDb } from './support/db';
import { createCase, expect, test } from './support/fixtures';
import { shot } from './support/shots';

/** China time on 2026-11-`day` at `hour` (fractions allowed). */
const cn = (day: number, hour: number) => new Date(Date.UTC(2026, 10, day, 0) - 8 * 3_600_000 + hour * 3_600_000);

/**
 * Two weeks of 10 orders a day; 30 more in one evening hour on 11-05 (inside the promotion 店庆)
 * and on 11-10 (outside it, 12 of them flagged); an item two buyers got at a twentieth of its price.
 */
async function chartCase(userId: string) {
  const c = await createCase(userId);
  const rows: Array<{ orderNo: string; orderedAt: Date; paidAt: Date; flagged?: boolean; itemTitle?: string; amountCents?: number }> = [];
  let n = 0;
  const add = (day: number, hour: number, count: number, span: number, extra: Partial<(typeof rows)[number]> = {}) => {
    for (let i = 0; i < count; i++) {
      const t = cn(day, hour + (span * (i + 0.5)) / count);
      rows.push({ orderNo: `4012345678901${String(n++).padStart(6, '0')}`, orderedAt: t, paidAt: t, itemTitle: '纯棉T恤', amountCents: 9900, ...extra });
    }
  };
  for (let d = 1; d <= 14; d++) add(d, 0, 10, 24);
  add(5, 20, 30, 1);
  add(10, 20, 18, 1);
  add(10, 21.1, 12, 0.5, { flagged: true });
  add(3, 9, 20, 8, { itemTitle: '蓝牙耳机', amountCents: 19900 });
  add(4, 9, 2, 2, { itemTitle: '蓝牙耳机', amountCents: 990 });
  await testDb().order.createMany({ data: rows.map((o) => ({ caseId: c.id, source: 'import', ...o })) });
  await testDb().promotion.create({ data: { caseId: c.id, name: '店庆', startsOn: new Date(Date.UTC(2026, 10, 5)), endsOn: new Date(Date.UTC(2026, 10, 5)) } });
  return c;
}

test('the audit step draws orders over time with the promotion and both bursts, and the outlying prices', async ({ page, user }) => {
  const c = await chartCase(user.id);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/cases/${c.id}/audit`);
  const timeline = page.getByTestId('chart-timeline');
  await expect(timeline.getByRole('img', { name: /订单时间分布 · 每日订单数/ })).toBeVisible();
  // The wide drawing on a desktop (the narrow one is for phones).
  const wide = timeline.locator('svg.chart-wide');
  await expect(wide).toBeVisible();
  await expect(timeline.locator('svg.chart-narrow')).toBeHidden();
  await expect(wide.locator('[data-shade="店庆"]')).toHaveCount(1);
  await expect(wide.locator('[data-marker="explained"]')).toHaveCount(1);
  await expect(wide.locator('[data-marker="unexplained"]')).toHaveCount(1);
  const summary = page.getByTestId('chart-timeline-summary');
  await expect(summary).toContainText('其中 12 笔被平台处罚');
  await expect(summary).toContainText('2026-11-05 全天 40 笔，在申报的促销期间');
  await expect(summary).toContainText('2026-11-10 全天 40 笔，不在任何申报的促销期间');
  const prices = page.getByTestId('chart-prices');
  await expect(prices).toHaveCount(1);
  await expect(prices).toContainText('单价分布：蓝牙耳机');
  await expect(prices.locator('svg.chart-wide [data-marker="outlier"]')).toHaveCount(1);
  await shot(page.getByTestId('audit-charts'), 'charts-1280');

  await page.setViewportSize({ width: 360, height: 800 });
  await expect(timeline.locator('svg.chart-narrow')).toBeVisible();
  await expect(wide).toBeHidden();
  const box = await timeline.getByRole('img').boundingBox();
  // The drawing scales down with the page instead of overflowing it.
  expect(box?.width ?? 999).toBeLessThanOrEqual(360);
  await shot(page.getByTestId('audit-charts'), 'charts-360');
});
