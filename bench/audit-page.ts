/**
 * The self-audit page's response time for a 50,000-order case, cold (no stored audit) and warm
 * (the AuditCache row matches), measured over HTTP against a running server, plus another step's
 * page (its navigator reads the audit's progress through the same cache). A script that prints
 * figures, not a timed test.
 *
 * Run against a server started on DATA_DIR (e.g. `NEXT_DIST_DIR=.next-explain PORT=3204 DATA_DIR=/tmp/d npm run serve`):
 *   BASE_URL=http://localhost:3204 DATA_DIR=/tmp/d \
 *   JITI_ALIAS="{\"server-only\":\"$PWD/lib/testing/empty-module.ts\",\"@\":\"$PWD\"}" npx jiti bench/audit-page.ts [orders]
 */
import { at, makeOrders } from '../lib/audit/order-factory';

const baseUrl = process.env.BASE_URL ?? 'http://localhost:3000';
const count = Number(process.argv[2] ?? 50_000);
if (!process.env.DATA_DIR) throw new Error('DATA_DIR must be the running server’s data directory');

const email = `bench-${Date.now()}@example.com`;
const signUp = await fetch(`${baseUrl}/api/auth/sign-up/email`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', origin: baseUrl },
  body: JSON.stringify({ name: '压测店主', email, password: 'Evidence2026' }),
});
if (!signUp.ok) throw new Error(`sign-up failed: ${signUp.status} ${await signUp.text()}`);
const cookie = signUp.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
const { user } = (await signUp.json()) as { user: { id: string } };

const { db } = await import('../lib/db/client');
const { upsertOrders } = await import('../lib/orders/repository');
const titles = ['纯棉T恤', '牛仔裤', '帆布鞋', '保温杯', '数据线', '手机壳', '袜子', '帽子'];
const { id: caseId } = await db.case.create({ data: { userId: user.id, title: '五万单压测', platform: 'taobao' } });
const orders = makeOrders(count, (i) => ({
  orderNo: String(2741234567890000000n + BigInt(i)),
  createdAt: at((i / count) * 30 * 24 + (i % 7) * 0.1),
  paidAt: at((i / count) * 30 * 24 + (i % 7) * 0.1 + 0.05),
  buyerPhone: `138****${String((i * 7919) % 40_000).padStart(4, '0')}`,
  ip: `223.104.${(i * 31) % 256}.${(i * 17) % 200}`,
  address: i % 50 === 0 ? '上海市浦东新区张江路88号' : `浙江省 杭州市 西湖区 文三路${i % 9000}号`,
  itemTitle: titles[i % titles.length],
  amountCents: 5000 + ((i * 37) % 3000) + (i % 997 === 0 ? 90_000 : 0),
  quantity: i % 3 === 0 ? 2 : 1,
  trackingNo: i % 500 === 0 ? undefined : i % 301 === 0 ? 'SF1000000001' : `SF${String(2_000_000_000_000 + i)}`,
  carrier: '顺丰速运',
}));
await upsertOrders(caseId, orders, 'import');
await db.order.updateMany({ where: { caseId, orderNo: { in: orders.slice(0, 40).map((o) => o.orderNo) } }, data: { flagged: true } });

async function get(path: string): Promise<{ ms: number; kb: number; status: number }> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}${path}`, { headers: { cookie }, redirect: 'manual' });
  const body = await response.text();
  return { ms: performance.now() - started, kb: Buffer.byteLength(body) / 1024, status: response.status };
}
const show = (label: string, r: { ms: number; kb: number; status: number }) => console.log(`${label}: ${r.ms.toFixed(0)} ms, ${r.kb.toFixed(0)} KB HTML (HTTP ${r.status})`);

const audit = `/cases/${caseId}/audit`;
// The server's own warm-up, not the case's; the first try may meet a keep-alive socket the server
// closed while the orders were stored.
await get('/login').catch(() => get('/login'));
await db.auditCache.deleteMany({ where: { caseId } });
show(`audit page, ${count} orders, cold (no stored audit)`, await get(audit));
for (let run = 1; run <= 3; run++) show(`audit page, warm run ${run}`, await get(audit));
show('basics page, warm (the navigator reads the audit progress)', await get(`/cases/${caseId}/basics`));
show('orders page filtered to orders with findings, warm', await get(`/cases/${caseId}/orders?filter=withFindings`));
const row = await db.auditCache.findUniqueOrThrow({ where: { caseId } });
const stored = JSON.parse(row.result) as { findings: unknown[] };
console.log(`stored audit: ${stored.findings.length} findings, ${(row.result.length / 1024 / 1024).toFixed(1)} MB JSON`);
await db.$disconnect();
