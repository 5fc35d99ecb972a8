/** A Taobao-style order export of `rows` orders (a new set for each seed, so each import saves rows). */
export function orderCsv(rows: number, seed: number): Buffer {
  const lines = ['订单编号,买家会员名,买家实际支付金额,订单状态,订单创建时间,宝贝标题,物流单号,物流公司'];
  for (let i = 0; i < rows; i++) lines.push(`="${3000000000000000000n + BigInt(seed * 100000 + i)}",buyer${i},${(19.9 + (i % 50)).toFixed(2)},交易成功,2026-11-${String(1 + (i % 28)).padStart(2, '0')} 10:${String(i % 60).padStart(2, '0')}:00,保温杯,SF${String(1000000000000 + i)},顺丰速运`);
  return Buffer.from(`\uFEFF${lines.join('\n')}\n`, 'utf8');
}
