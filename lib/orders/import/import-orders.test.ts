import { describe, expect, it } from 'vitest';
import { parseOrderFile, type ParsedOrderFile } from './import-orders';
import { AMAZON_TSV, PINDUODUO_CSV, buildXlsx, encodeGbk, encodeUtf16Le, encodeUtf8Bom, taobaoCsvText } from './test-fixtures';

async function parse(...args: Parameters<typeof parseOrderFile>): Promise<ParsedOrderFile> {
  const result = await parseOrderFile(...args);
  if (!result.ok) throw new Error(result.error);
  return result;
}

describe('parseOrderFile with a Taobao ExportOrderList', () => {
  it('reads the GBK export into masked, merged orders', async () => {
    const result = await parse(encodeGbk(taobaoCsvText()), 'ExportOrderList202611120930.csv');
    expect(result.encoding).toBe('gb18030');
    expect(result.orders).toEqual([
      {
        orderNo: '2741234567890123456', buyerName: 't****', buyerPhone: '138****5678', address: '浙江省 杭州市 西湖区',
        createdAt: new Date('2026-11-11T12:05:13Z'), paidAt: new Date('2026-11-11T12:06:00Z'), amountCents: 129900,
        itemTitle: '夏季连衣裙', quantity: 2, trackingNo: '78812345678901', carrier: '中通快递', status: 'completed', statusText: '交易成功',
      },
      {
        orderNo: '2741234567890123999', buyerName: '欧***', buyerPhone: '138****5678', address: '浙江省 杭州市 西湖区',
        createdAt: new Date('2026-11-12T00:00:00Z'), paidAt: new Date('2026-11-11T12:06:00Z'), amountCents: 1234560,
        itemTitle: '羊毛大衣；围巾', quantity: 4, trackingNo: '78812345678902', carrier: '中通快递', status: 'completed', statusText: '交易成功',
      },
      {
        orderNo: '2741234567890124000', buyerName: '张*', buyerPhone: '138****5678', address: '浙江省 杭州市 西湖区',
        paidAt: new Date('2026-11-11T12:06:00Z'), itemTitle: '袜子', quantity: 1, carrier: '中通快递', status: 'completed', statusText: '交易成功',
      },
    ]);
  });

  it('lists the broken order number and the bad cells with the row numbers the user sees', async () => {
    const { rowErrors } = await parse(encodeGbk(taobaoCsvText()), 'ExportOrderList.csv');
    expect(rowErrors).toEqual([
      { rowNumber: 5, column: '订单编号', code: 'orderNoInvalid' },
      { rowNumber: 6, column: '订单创建时间', code: 'dateInvalid' },
      { rowNumber: 6, column: '买家实际支付金额', code: 'amountInvalid' },
    ]);
  });

  it('gives the same result for UTF-8 with BOM and UTF-16LE', async () => {
    const text = taobaoCsvText();
    const gbk = await parse(encodeGbk(text), 'a.csv');
    for (const bytes of [encodeUtf8Bom(text), encodeUtf16Le(text)]) {
      const other = await parse(bytes, 'a.csv');
      expect(other.orders).toEqual(gbk.orders);
      expect(other.rowErrors).toEqual(gbk.rowErrors);
    }
  });

  it('keeps names, phones and streets when the merchant asks to', async () => {
    const { orders } = await parse(encodeGbk(taobaoCsvText()), 'a.csv', { keepPersonalData: true });
    expect(orders[0]).toMatchObject({ buyerName: 'tb_小王', buyerPhone: '13812345678', address: '浙江省 杭州市 西湖区 文三路 90 号 华星大厦 8 楼' });
  });

  it('returns the suggested mapping, the unmapped columns and a preview of the values as stored', async () => {
    const result = await parse(encodeGbk(taobaoCsvText()), 'a.csv');
    expect(result.mapping.orderNo).toBe(0);
    expect(result.unmapped.map((column) => column.header)).toContain('买家支付宝账号');
    expect(result.preview.rows).toHaveLength(5);
    // Not the raw ="…" or '… text: what will be stored, masked, with dates and amounts as read.
    expect(result.preview.rows[0]?.cells).toMatchObject({
      orderNo: { text: '2741234567890123456' }, buyerName: { text: 't****' }, buyerPhone: { text: '138****5678' },
      createdAt: { text: '2026-11-11 20:05:13' }, amountCents: { text: '1,299.00' },
    });
    // A cell that cannot be read shows what the file holds and why.
    expect(result.preview.rows[4]?.cells.amountCents).toEqual({ text: '￥abc', error: 'amountInvalid' });
    expect(result.preview.rows[3]?.cells.orderNo).toEqual({ text: '="12#4"', error: 'orderNoInvalid' });
  });

  it('uses the mapping the user confirmed and stores nothing from unmapped columns', async () => {
    const { mapping } = await parse(encodeGbk(taobaoCsvText()), 'a.csv');
    const confirmed = { ...mapping, buyerName: 12, buyerPhone: null, address: null, carrier: null };
    const { orders } = await parse(encodeGbk(taobaoCsvText()), 'a.csv', { mapping: confirmed, keepPersonalData: true });
    expect(orders[0]?.buyerName).toBe('王小明');
    expect(orders.every((order) => order.buyerPhone === undefined && order.address === undefined && order.carrier === undefined)).toBe(true);
  });

  it('refuses a mapping that points outside the file or shares a column', async () => {
    const { mapping } = await parse(encodeGbk(taobaoCsvText()), 'a.csv');
    expect(await parseOrderFile(encodeGbk(taobaoCsvText()), 'a.csv', { mapping: { ...mapping, ip: 99 } })).toEqual({ ok: false, error: 'invalidMapping' });
    expect(await parseOrderFile(encodeGbk(taobaoCsvText()), 'a.csv', { mapping: { ...mapping, ip: 0 } })).toEqual({ ok: false, error: 'invalidMapping' });
  });
});

describe('parseOrderFile with other platforms', () => {
  it('reads a Pinduoduo UTF-8 export', async () => {
    const { orders, rowErrors } = await parse(Buffer.from(PINDUODUO_CSV), 'orders_export.csv');
    expect(rowErrors).toEqual([]);
    expect(orders[1]).toEqual({
      orderNo: '261111-123456789012346', createdAt: new Date('2026-11-11T03:00:00Z'), paidAt: new Date('2026-11-11T03:00:09Z'),
      itemTitle: '保温杯, 500ml', amountCents: 107900, quantity: 2, shippedAt: new Date('2026-11-12T10:00:00Z'),
      trackingNo: 'SF1234567890123', carrier: '顺丰速运', status: 'shipped', statusText: '已发货',
    });
    expect(orders[0]?.signedAt).toEqual(new Date('2026-11-14T01:30:00Z'));
  });

  it('reads an Amazon tab-delimited report with its offsets and split address', async () => {
    const { orders } = await parse(Buffer.from(AMAZON_TSV), 'report.txt');
    expect(orders).toEqual([
      {
        orderNo: '114-3941689-8772232', createdAt: new Date('2026-11-11T12:05:13Z'), paidAt: new Date('2026-11-11T20:06:00Z'),
        buyerName: 'J*********', buyerPhone: '+12*****0100', itemTitle: 'Steel Water Bottle, 750 ml', quantity: 2,
        amountCents: 2598, address: 'Seattle, WA, US',
      },
    ]);
  });

  it('reads an XLSX with text order numbers, real dates and a serial-number date', async () => {
    const { orders, rowErrors, encoding } = await parse(await buildXlsx(), 'orders.xlsx');
    expect(encoding).toBe('xlsx');
    expect(orders).toEqual([
      {
        orderNo: '2741234567890123456', buyerName: '张*', amountCents: 129900, createdAt: new Date('2026-11-11T12:05:13Z'),
        shippedAt: new Date('2024-11-11T04:00:00Z'), trackingNo: 'SF1234567890123', quantity: 2,
      },
      { orderNo: '2741234567890123457', buyerName: '李*', amountCents: 1299, createdAt: new Date('2026-11-11T16:00:00Z'), quantity: 1 },
    ]);
    expect(rowErrors).toEqual([{ rowNumber: 4, column: '订单编号', code: 'orderNoRounded' }]);
  });

  it('reports a file without an order number column instead of importing nothing silently', async () => {
    const result = await parse(Buffer.from('商品,数量\nT恤,1\n'), 'a.csv');
    expect(result.orders).toEqual([]);
    expect(result.rowErrors).toEqual([{ rowNumber: 1, code: 'orderNoColumnMissing' }]);
  });

  it('reports an empty file as having no header', async () => {
    expect(await parseOrderFile(Buffer.from('\r\n\r\n'), 'a.csv')).toEqual({ ok: false, error: 'noHeader' });
  });
});
