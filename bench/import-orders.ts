/**
 * Parses a 50,000-row Taobao-shaped GBK export generated in memory and prints the time taken and the
 * peak resident memory. A script that prints figures, not a timed test.
 *
 * Run: npx jiti bench/import-orders.ts [rows]
 * (Node 20 cannot strip types itself; on Node ≥ 22.6: node --experimental-strip-types bench/import-orders.ts)
 */
import iconv from 'iconv-lite';
import { parseOrderFile } from '../lib/orders/import/import-orders';
import { TAOBAO_HEADERS } from '../lib/orders/import/test-fixtures';

const rows = Number(process.argv[2] ?? 50_000);
const titles = ['夏季新款雪纺连衣裙女装', '加厚羊毛大衣 中长款', '纯棉袜子 10 双装', '不锈钢保温杯 500ml'];
const cities = ['浙江省 杭州市 西湖区 文三路', '北京 北京市 朝阳区 建国路', '广东省 深圳市 南山区 科技园路'];

function line(i: number): string {
  const orderNo = (2741234567890000000n + BigInt(Math.floor(i / 2))).toString();
  const cells: Record<string, string> = {
    订单编号: `="${orderNo}"`, 买家会员名: `tb_买家${i % 9973}`, 买家实际支付金额: `"￥${(1000 + (i % 5000)).toLocaleString('en-US')}.${String(i % 100).padStart(2, '0')}"`,
    订单状态: '交易成功', 收货人姓名: '王小明', 收货地址: `${cities[i % cities.length]} ${i % 300} 号`, 联系手机: `'138${String(i).padStart(8, '0')}`,
    订单创建时间: `2026-11-${String(1 + (i % 28)).padStart(2, '0')} ${String(i % 24).padStart(2, '0')}:05:13`, 订单付款时间: '2026-11-11 20:06:00',
    // Two rows per order, as in the item-level export, so merging is exercised too.
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
const seconds = (performance.now() - started) / 1000;
if (!result.ok) throw new Error(`bench file did not parse: ${result.error}`);

// maxRSS is in kilobytes and covers the whole process, generation included.
const peakMb = process.resourceUsage().maxRSS / 1024;
console.log(`rows: ${rows}, file: ${(bytes.length / 1024 / 1024).toFixed(1)} MB GBK (${result.encoding})`);
console.log(`orders: ${result.orders.length}, row errors: ${result.rowErrors.length}`);
console.log(`parse: ${seconds.toFixed(2)} s, peak RSS: ${peakMb.toFixed(0)} MB (RSS before parsing: ${(rssBefore / 1024 / 1024).toFixed(0)} MB)`);
