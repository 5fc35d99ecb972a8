/**
 * Audits 50,000 generated orders (30 days, eight items, some shared contacts, price outliers,
 * missing and reused waybills, the usual mix of statuses, half the phones masked as platforms
 * export them) and prints the time per run. A script that prints figures, not a
 * timed test. The first run includes JIT warm-up.
 *
 * Run: npx jiti bench/audit.ts [orders] [runs]
 */
import { at, makeOrders } from '../lib/audit/order-factory';
import { runAudit } from '../lib/audit/run-audit';
import type { TrackingCheck } from '../lib/audit/types';
import type { OrderStatus } from '../lib/orders/status';

const count = Number(process.argv[2] ?? 50_000);
const runs = Number(process.argv[3] ?? 5);
const titles = ['纯棉T恤', '牛仔裤', '帆布鞋', '保温杯', '数据线', '手机壳', '袜子', '帽子'];
// Roughly a shop's month: most orders complete, a few refunded, closed or still unpaid.
const statuses: OrderStatus[] = [...new Array<OrderStatus>(90).fill('completed'), 'refunded', 'refunded', 'refunded', 'refunded', 'closed', 'closed', 'closed', 'unpaid', 'unpaid', 'partiallyRefunded'];
const checkTracking: TrackingCheck = ({ trackingNo }) => ({ status: /^[A-Z]{2}\d{10}$/.test(trackingNo) ? 'ok' : 'formatMismatch' });

const orders = makeOrders(count, (i) => ({
  createdAt: at((i / count) * 30 * 24 + (i % 7) * 0.1),
  buyerPhone: i % 2 ? `138****${String((i * 7919) % 40_000).padStart(4, '0')}` : `1380000${String((i * 7919) % 40_000).padStart(4, '0')}`,
  status: statuses[i % statuses.length],
  ip: `223.104.${(i * 31) % 256}.${(i * 17) % 200}`,
  address: i % 50 === 0 ? '上海市浦东新区张江路88号' : `浙江省 杭州市 西湖区 文三路${i % 9000}号`,
  itemTitle: titles[i % titles.length],
  amountCents: 5000 + ((i * 37) % 3000) + (i % 997 === 0 ? 90_000 : 0),
  quantity: i % 3 === 0 ? 2 : 1,
  trackingNo: i % 500 === 0 ? undefined : i % 301 === 0 ? 'SF1000000001' : `SF${String(2_000_000_000 + i)}`,
}));

for (let run = 1; run <= runs; run++) {
  const { findings, stats } = runAudit(orders, { checkTracking });
  console.log(`run ${run}: ${stats.orders} orders in ${stats.durationMs.toFixed(0)} ms, ${findings.length} findings`);
}
