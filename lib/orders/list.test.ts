import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { createCase } from '@/lib/cases/repository';
import { makeUser } from '@/lib/testing/factories';
import { compareOrderNos, listOrders, ORDER_FILTERS, ORDER_PAGE_SIZE, ORDER_SORTS, orderQuerySchema, STATUS_FILTERS, type OrderQuery } from './list';
import { ORDER_STATUSES } from './status';

let caseId: string;
const COUNT = 130; // more than two pages
// Order numbers of every length a platform writes: 3 to 19 digits, and Amazon's dashed form.
const orderNoOf = (i: number) => (i % 10 === 0 ? `113-${String(1_000_000 + i)}-${String(2_000_000 + i)}` : String(7 ** (i % 17) + i * 1_000_003).padStart(i % 7 === 0 ? 19 : 3, '3'));
const SOME = new Set<string>();

beforeAll(async () => {
  const user = await makeUser();
  caseId = (await createCase(user.id, { title: 't', platform: 'taobao', appealDeadline: null })).id;
  const data = Array.from({ length: COUNT }, (_, i) => ({
    caseId,
    source: 'import',
    orderNo: orderNoOf(i),
    flagged: i % 3 === 0,
    // Empty values sprinkled in every sortable column; equal values too, for the tie-break.
    orderedAt: i % 11 === 5 ? null : new Date(Date.UTC(2026, 10, 1 + (i % 20), i % 24)),
    paidAt: i % 4 === 1 ? null : new Date(Date.UTC(2026, 10, 2 + (i % 9))),
    amountCents: i % 13 === 2 ? null : ((i * 7919) % 50) * 1000,
    status: i % 9 === 4 ? null : ORDER_STATUSES[i % ORDER_STATUSES.length],
    refundCents: i % 7 === 5 ? 500 : null,
  }));
  await db.order.createMany({ data });
  for (const [i, d] of data.entries()) if (i % 5 === 1) SOME.add(d.orderNo);
});

type Row = Awaited<ReturnType<typeof listOrders>>['rows'][number];
const valueOf = (o: Row, sort: OrderQuery['sort']): number | null => {
  if (sort === 'orderedAt' || sort === 'paidAt') return o[sort]?.getTime() ?? null;
  if (sort === 'amountCents') return o.amountCents;
  if (sort === 'status') return o.status == null ? null : ORDER_STATUSES.indexOf(o.status as (typeof ORDER_STATUSES)[number]);
  return null;
};

async function allPages(query: Omit<OrderQuery, 'page'>, only?: ReadonlySet<string>) {
  const first = await listOrders(caseId, { ...query, page: 1 }, only);
  const rows = [...first.rows];
  for (let page = 2; page <= first.pages; page++) rows.push(...(await listOrders(caseId, { ...query, page }, only)).rows);
  return { first, rows };
}

describe('listOrders', () => {
  it('sorts order numbers by value, 999 before 1000, 19 digits exactly', () => {
    expect(['1000', '999', '3012345678901234567', '30123456789012345', '113-2-3', '113-10-1'].sort(compareOrderNos)).toEqual([
      '113-2-3', '113-10-1', '999', '1000', '30123456789012345', '3012345678901234567',
    ]);
    expect(compareOrderNos('012', '12')).not.toBe(0);
  });

  it('answers every sort × direction × filter × status with the right rows in the right order', async () => {
    const orders = await db.order.findMany({ where: { caseId } });
    let checked = 0;
    for (const sort of ORDER_SORTS)
      for (const dir of ['asc', 'desc'] as const)
        for (const filter of ORDER_FILTERS)
          for (const status of STATUS_FILTERS) {
            const only = filter === 'withFindings' || filter === 'withoutEvidence' ? SOME : undefined;
            const { first, rows } = await allPages({ sort, dir, filter, status }, only);
            const expected = orders.filter(
              (o) =>
                (filter !== 'flagged' || o.flagged) && (filter !== 'unflagged' || !o.flagged) && (!only || only.has(o.orderNo)) &&
                (status === 'any' || (status === 'none' ? o.status === null : o.status === status)),
            );
            const label = `${sort} ${dir} ${filter} ${status}`;
            expect(first.total, label).toBe(expected.length);
            expect(rows.map((o) => o.id).sort(), label).toEqual(expected.map((o) => o.id).sort());
            if (status !== 'any') expect(first.statusCounts[status], label).toBe(expected.length);
            for (let i = 1; i < rows.length; i++) {
              const [a, b] = [rows[i - 1] as Row, rows[i] as Row];
              const ctx = `${label}: ${a.orderNo} then ${b.orderNo}`;
              if (sort === 'orderNo') {
                expect(compareOrderNos(a.orderNo, b.orderNo) * (dir === 'asc' ? 1 : -1), ctx).toBeLessThan(0);
                continue;
              }
              const [x, y] = [valueOf(a, sort), valueOf(b, sort)];
              if (x === null) expect(y, `${ctx}: empty values last`).toBeNull();
              else if (y !== null && x !== y) expect(dir === 'asc' ? x < y : x > y, ctx).toBe(true);
              if (x === y) expect(compareOrderNos(a.orderNo, b.orderNo), `${ctx}: ties by order number`).toBeLessThan(0);
            }
            checked++;
          }
    expect(checked).toBe(ORDER_SORTS.length * 2 * ORDER_FILTERS.length * STATUS_FILTERS.length);
  }, 60_000);

  it('counts the chosen filter’s orders by status and pages through them', async () => {
    const page = await listOrders(caseId, orderQuerySchema.parse({ filter: 'flagged', page: '3' }));
    const flagged = await db.order.findMany({ where: { caseId, flagged: true } });
    expect(page.statusCounts.any).toBe(flagged.length);
    expect(page.statusCounts.none).toBe(flagged.filter((o) => o.status === null).length);
    expect(page.statusCounts.refunded).toBe(flagged.filter((o) => o.status === 'refunded').length);
    expect(page.counts).toEqual({ all: COUNT, flagged: flagged.length, unflagged: COUNT - flagged.length });
    expect(page.rows).toHaveLength(Math.max(0, flagged.length - 2 * ORDER_PAGE_SIZE));
  });

  it('reads an unexpected query as the default', () => {
    expect(orderQuerySchema.parse({ sort: 'buyerPhone', dir: 'up', status: 'lost', filter: 'x', page: '-2' })).toEqual({ page: 1, filter: 'all', status: 'any', sort: 'orderedAt', dir: 'desc' });
    expect(orderQuerySchema.parse({ sort: 'paidAt', dir: 'asc', status: 'partiallyRefunded' })).toMatchObject({ sort: 'paidAt', dir: 'asc', status: 'partiallyRefunded' });
  });
});
