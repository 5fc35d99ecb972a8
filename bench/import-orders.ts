/**
 * The whole import path for a 50,000-order Taobao-shaped GBK export generated in memory: parse,
 * store in a fresh SQLite database, then run the self-audit over it. Prints seconds per phase and
 * the peak resident memory. A script that prints figures, not a timed test.
 *
 * Run: npm run bench:import [-- orders]
 * (jiti runs the TypeScript; its aliases resolve '@/' and let lib code marked server-only load.)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { parseOrderFile } from '../lib/orders/import/import-orders';
import { TAOBAO_HEADERS } from '../lib/orders/import/test-fixtures';

const rows = Number(process.argv[2] ?? 50_000);
const titles = ['夏季新款雪纺连衣裙女装', '加厚羊毛大衣 中长款', '纯棉袜子 10 双装', '不锈钢保温杯 500ml'];
const cities = ['浙江省 杭州市 西湖区 文三路', '北京 北京市 朝阳区 建国路', '广东省 深圳市 南山区 科技园路'];

function line(i: number): string {
  const orderNo = (2741234567890000000n + BigInt(i)).toString();
  const cells: Record<string, string> = {
    订单编号: `="${orderNo}"`, 买家会员名: `tb_买家${i % 9973}`, 买家实际支付金额: `"￥${(1000 + (i % 5000)).toLocaleString('en-US')}.${String(i % 100).padStart(2, '0')}"`,
    订单状态: '交易成功', 收货人姓名: '王小明', 收货地址: `${cities[i % cities.length]} ${i % 300} 号`, 联系手机: `'138${String(i).padStart(8, '0')}`,
    订单创建时间: `2026-11-${String(1 + (i % 28)).padStart(2, '0')} ${String(i % 24).padStart(2, '0')}:05:13`, 订单付款时间: '2026-11-11 20:06:00',
    宝贝标题: titles[i % titles.length] ?? '', 物流单号: `="7881${String(i).padStart(10, '0')}"`, 物流公司: '中通快递', 宝贝总数量: String(1 + (i % 3)),
  };
  return TAOBAO_HEADERS.map((header) => cells[header] ?? '').join(',');
}

const lines = [TAOBAO_HEADERS.join(',')];
for (let i = 0; i < rows; i++) lines.push(line(i));
const bytes = iconv.encode(lines.join('\r\n'), 'gbk');
const rssBefore = process.memoryUsage().rss;

const started = performance.now();
const result = await parseOrderFile(bytes, 'ExportOrderList202611120930.csv');
const parsed = performance.now();
if (!result.ok) throw new Error(`bench file did not parse: ${result.error}`);

// A fresh database, migrated like the app's, for the store and audit phases.
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bench-orders-'));
process.env.DATA_DIR = dataDir;
execFileSync(process.execPath, ['prisma/tools/migrate.mjs', 'deploy'], { env: { ...process.env, DATABASE_URL: '' }, stdio: 'ignore' });
const { db } = await import('../lib/db/client');
const { upsertOrders } = await import('../lib/orders/repository');
const { runCaseAudit } = await import('../lib/audit/case-audit');
const user = await db.user.create({ data: { id: 'bench', name: 'bench', email: 'bench@example.invalid' } });
const { id: caseId } = await db.case.create({ data: { userId: user.id, title: 'bench', platform: 'taobao' } });

const storeStart = performance.now();
const stored = await upsertOrders(caseId, result.orders, 'import');
const storeEnd = performance.now();
const again = await upsertOrders(caseId, result.orders, 'import');
const reimportEnd = performance.now();
const audit = await runCaseAudit(caseId);
const auditEnd = performance.now();
await db.$disconnect();
rmSync(dataDir, { recursive: true, force: true });

// maxRSS is in kilobytes and covers the whole process, generation included.
const peakMb = process.resourceUsage().maxRSS / 1024;
const s = (ms: number) => (ms / 1000).toFixed(2);
console.log(`rows: ${rows}, file: ${(bytes.length / 1024 / 1024).toFixed(1)} MB GBK (${result.encoding}), orders: ${result.orders.length}, row errors: ${result.rowErrors.length}`);
console.log(`parse: ${s(parsed - started)} s; store: ${s(storeEnd - storeStart)} s (${stored.created} created); re-import: ${s(reimportEnd - storeEnd)} s (${again.created} created, ${again.updated} updated)`);
console.log(`audit (load + rules): ${s(auditEnd - reimportEnd)} s, ${audit.findingCount} findings`);
console.log(`import seconds=${s(auditEnd - started)} peak_rss_mb=${peakMb.toFixed(0)} (RSS before parsing: ${(rssBefore / 1024 / 1024).toFixed(0)} MB)`);
