/**
 * The audit charts for 50,000 generated orders (30 days, eight items, a promotion, price outliers):
 * the time to build the chart data from orders and findings in memory, and the time to read and
 * build them from a fresh database as the audit page's task thread and the export do. A script that
 * prints figures, not a timed test. The first run includes JIT warm-up.
 *
 * Run: npm run bench:charts [orders] [runs]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { at, makeOrders } from '../lib/audit/order-factory';
import { runAudit } from '../lib/audit/run-audit';
import { buildCaseCharts } from '../lib/charts/case-charts';

const count = Number(process.argv[2] ?? 50_000);
const runs = Number(process.argv[3] ?? 5);
const titles = ['纯棉T恤', '牛仔裤', '帆布鞋', '保温杯', '数据线', '手机壳', '袜子', '帽子'];
// A steady month; one order in 25 lands in the evening hour of day 10 (inside the promotion) or day 20 (outside).
const orders = makeOrders(count, (i) => ({
  orderNo: String(2741234567890000000n + BigInt(i)),
  createdAt: at(i % 25 === 0 ? (i % 50 === 0 ? 10 : 20) * 24 + 20 + (i % 997) / 997 : (i / count) * 30 * 24 + (i % 7) * 0.1),
  itemTitle: titles[i % titles.length],
  amountCents: 5000 + ((i * 37) % 3000) + (i % 997 === 0 ? 90_000 : 0),
  quantity: i % 3 === 0 ? 2 : 1,
}));
const promotion = { name: '双11', start: at(10 * 24).getTime(), end: at(12 * 24).getTime() };
const { findings } = runAudit(orders, { promotions: [{ start: new Date(promotion.start), end: new Date(promotion.end) }] });
const flagged = new Set(orders.filter((_, i) => i % 100 === 0).map((o) => o.orderNo));
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

for (let run = 1; run <= runs; run++) {
  const started = performance.now();
  const charts = buildCaseCharts({ orders, flagged, promotions: [promotion], findings });
  const ms = performance.now() - started;
  console.log(`build ${run}: ${count} orders in ${ms.toFixed(1)} ms; ${charts.timeline?.bins.length} ${charts.timeline?.unit} bars, ${charts.timeline?.bursts.length} bursts, ${charts.prices.length} price charts; ${JSON.stringify(charts).length} bytes of chart data`);
}

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bench-charts-'));
process.env.DATA_DIR = dataDir;
process.env.DATABASE_URL = '';
try {
  execFileSync(process.execPath, ['prisma/tools/migrate.mjs', 'deploy'], { env: process.env, stdio: 'ignore' });
  const { db } = await import('../lib/db/client');
  const { upsertOrders } = await import('../lib/orders/repository');
  const { makeUser } = await import('../lib/testing/factories');
  const { loadCaseCharts } = await import('../lib/charts/load');
  const user = await makeUser('压测店主');
  const { id: caseId } = await db.case.create({ data: { userId: user.id, title: '五万单图表', platform: 'taobao' } });
  await upsertOrders(caseId, orders, 'import');
  await db.promotion.create({ data: { caseId, name: promotion.name, startsOn: new Date(promotion.start), endsOn: new Date(promotion.end - 24 * 3600 * 1000) } });
  await db.order.updateMany({ where: { caseId, orderNo: { in: [...flagged] } }, data: { flagged: true } });
  for (let run = 1; run <= runs; run++) {
    const heap = process.memoryUsage().heapUsed;
    const started = performance.now();
    const charts = await loadCaseCharts(caseId, findings);
    console.log(`read + build ${run}: ${(performance.now() - started).toFixed(0)} ms, heap +${mb(process.memoryUsage().heapUsed - heap)}, ${charts.timeline?.totals.flagged} flagged`);
  }
  await db.$disconnect();
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
