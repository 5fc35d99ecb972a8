import type { Page } from '@playwright/test';
import { ORDER_STATUSES } from '../lib/orders/status';
import { testDb } from './support/db';
import { createCase, expect, test } from './support/fixtures';
import { shot } from './support/shots';

const LONG_TITLE = '【官方旗舰店】20000毫安大容量充电宝超薄便携快充适用苹果华为小米手机移动电源可上飞机 礼盒装 送数据线';
const D = (day: number, hour = 10) => new Date(Date.UTC(2026, 10, day, hour));

// Order numbers of the lengths platforms write (3 to 19 digits, Amazon's dashes), empty values in every column.
const ORDERS = [
  { orderNo: '999', orderedAt: D(3), paidAt: D(3, 11), amountCents: 5900, status: 'completed', statusText: '交易成功' },
  { orderNo: '1000', orderedAt: D(1), paidAt: null, amountCents: 129900, status: 'refunded', statusText: '交易关闭 · 退款成功', refundCents: 129900 },
  { orderNo: '3012345678901234567', orderedAt: D(2), paidAt: D(2, 12), amountCents: null, status: 'shipped', statusText: '卖家已发货', flagged: true },
  { orderNo: '30123456789012345', orderedAt: null, paidAt: D(5), amountCents: 890, status: null, statusText: '预售尾款待付', flagged: true },
  { orderNo: '113-1234567-1234567', orderedAt: D(4), paidAt: D(4, 13), amountCents: 5900, status: 'partiallyRefunded', statusText: '部分退款', refundCents: 1000 },
  { orderNo: '4012345678901234599', orderedAt: D(6), paidAt: D(1), amountCents: 20000, status: 'paid', statusText: '买家已付款', flagged: true },
];

async function seed(caseId: string) {
  await testDb().order.createMany({
    data: ORDERS.map((o, i) => ({ caseId, source: 'import', flagged: false, itemTitle: i % 2 ? LONG_TITLE : '数据线', buyerName: '张*', trackingNo: 'SF1234567890123', carrier: '顺丰速运', ...o })),
  });
}

type Row = (typeof ORDERS)[number];
const numeric = new Intl.Collator('en', { numeric: true });
const rank = (s: string | null) => (s == null ? null : ORDER_STATUSES.indexOf(s as (typeof ORDER_STATUSES)[number]));
const VALUE: Record<string, (o: Row) => number | null> = {
  orderedAt: (o) => o.orderedAt?.getTime() ?? null,
  paidAt: (o) => o.paidAt?.getTime() ?? null,
  amountCents: (o) => o.amountCents,
  status: (o) => rank(o.status),
};
/** What the merchant expects: by value, empty values last either way, ties by order number. */
function expected(sort: string, dir: 'asc' | 'desc', rows = ORDERS): string[] {
  const sign = dir === 'asc' ? 1 : -1;
  const sorted = [...rows].sort((a, b) => {
    if (sort === 'orderNo') return sign * numeric.compare(a.orderNo, b.orderNo);
    const [x, y] = [VALUE[sort]!(a), VALUE[sort]!(b)];
    if (x === null || y === null) return (x === null ? 1 : 0) - (y === null ? 1 : 0) || numeric.compare(a.orderNo, b.orderNo);
    return sign * (x - y) || numeric.compare(a.orderNo, b.orderNo);
  });
  return sorted.map((o) => o.orderNo);
}

const shown = (page: Page) => page.getByTestId('orders-table').getByTestId('order-no').allTextContents();

test('every sortable column sorts both ways by value, 999 before 1000', async ({ page, user }) => {
  const c = await createCase(user.id);
  await seed(c.id);
  await page.goto(`/cases/${c.id}/orders`);
  const columns = [['orderNo', '订单号'], ['orderedAt', '下单时间'], ['paidAt', '付款时间'], ['amountCents', '实付金额'], ['status', '状态']] as const;
  for (const [sort, label] of columns) {
    const link = page.getByRole('link', { name: `按${label}排序` });
    for (const dir of ['desc', 'asc'] as const) {
      await link.click();
      await expect(page).toHaveURL(new RegExp(`sort=${sort}&dir=${dir}`));
      // Never the error page: the order-number sort used to answer 500.
      await expect(page.getByRole('heading', { name: '涉及订单', level: 2 })).toBeVisible();
      await expect.poll(() => shown(page), { message: `${sort} ${dir}` }).toEqual(expected(sort, dir));
    }
  }
  expect(expected('orderNo', 'asc').slice(0, 3)).toEqual(['113-1234567-1234567', '999', '1000']);
});

test('the status column shows the label, the export’s text on hover and the refund; the status filter counts and combines', async ({ page, user }) => {
  const c = await createCase(user.id);
  await seed(c.id);
  await page.goto(`/cases/${c.id}/orders?sort=orderNo&dir=asc`);
  const row = (orderNo: string) => page.getByTestId('orders-table').locator(`tr[data-order-no="${orderNo}"]`);
  await expect(row('1000').getByText('已退款', { exact: true })).toHaveAttribute('title', '交易关闭 · 退款成功');
  await expect(row('1000')).toContainText('退款 ¥1,299.00');
  await expect(row('113-1234567-1234567')).toContainText('退款 ¥10.00');
  // A status the import could not place is shown as the export wrote it, never guessed.
  await expect(row('30123456789012345').getByText('预售尾款待付')).toHaveAttribute('title', '导出文件里的状态原文，未能归类');

  const statuses = page.getByTestId('status-filter');
  await expect(statuses.getByRole('link')).toHaveText(['全部状态（6）', '已付款（1）', '已发货（1）', '交易成功（1）', '已退款（1）', '部分退款（1）', '状态未知（1）']);
  await statuses.getByRole('link', { name: '已退款（1）' }).click();
  await expect.poll(() => shown(page)).toEqual(['1000']);

  // Flagged orders only: the status counts follow, and sorting keeps both filters.
  await page.getByRole('link', { name: '被判定（3）', exact: true }).click();
  await expect(page.getByText('没有符合筛选条件的订单。')).toBeVisible();
  await expect(statuses.getByRole('link')).toHaveText(['全部状态（3）', '已付款（1）', '已发货（1）', '已退款（0）', '状态未知（1）']);
  await statuses.getByRole('link', { name: '全部状态（3）' }).click();
  await page.getByRole('link', { name: '按实付金额排序' }).click();
  await expect.poll(() => shown(page)).toEqual(expected('amountCents', 'desc', ORDERS.filter((o) => o.flagged)));
  await statuses.getByRole('link', { name: '状态未知（1）' }).click();
  await expect(page).toHaveURL(/filter=flagged&status=none&sort=amountCents&dir=desc/);
  await expect.poll(() => shown(page)).toEqual(['30123456789012345']);
});

test('the table fits its card at 1280 px and becomes one card per order at 360 px', async ({ page, user }) => {
  const c = await createCase(user.id);
  await seed(c.id);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/cases/${c.id}/orders?sort=orderNo&dir=desc`);
  const wrap = page.locator('.table-wrap');
  await expect(page.getByTestId('orders-table')).toBeVisible();
  expect(await wrap.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  const card = (await page.locator('section.card').boundingBox())!;
  const flag = (await page.getByRole('button', { name: '取消标记订单 4012345678901234599' }).boundingBox())!;
  expect(flag.x + flag.width).toBeLessThanOrEqual(card.x + card.width);
  // The item column keeps room for at least eight Chinese characters a line.
  expect((await page.locator('td.cell-item').first().boundingBox())!.width).toBeGreaterThan(8 * 14);
  // A time or a status label is never split across lines.
  for (const one of await page.locator('td.cell-time .when, td.cell-status .badge:not(.badge-raw)').all()) expect((await one.boundingBox())!.height).toBeLessThan(24);
  await shot(page.getByTestId('orders-table'), 'table-1280');

  await page.setViewportSize({ width: 360, height: 800 });
  await page.reload();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  const first = page.getByTestId('orders-table').locator('tbody tr').first();
  expect(await first.evaluate((el) => getComputedStyle(el).display)).toBe('grid');
  const no = (await first.getByTestId('order-no').boundingBox())!;
  const button = (await first.getByRole('button').boundingBox())!;
  expect(no.y).toBeLessThan(button.y + button.height); // order number and flag button share the top line
  await expect(page.getByRole('link', { name: '按订单号排序' })).toBeVisible();
  await shot(page, 'table-360', { fullPage: true });
});
