import { describe, expect, it } from 'vitest';
import { parseOrderFile, type ParsedOrderFile } from './import-orders';

async function parse(text: string): Promise<ParsedOrderFile> {
  const result = await parseOrderFile(Buffer.from(text), 'export.csv');
  if (!result.ok) throw new Error(result.error);
  return result;
}

const DOUYIN = [
  '主订单编号,选购商品,订单应付金额,订单状态,售后状态,退款金额,快递信息',
  '6900000000000000001,T恤,99.00,已完成,无售后,,中通快递:73100012345678',
  '6900000000000000002,T恤,99.00,已完成,退款成功,99.00,YTO 圆通速递 YT1234567890123',
  '6900000000000000003,T恤,99.00,已完成,退款成功,30.00,ZTO-中通快递-73100012345679',
  '6900000000000000004,T恤,99.00,已发货,退款中,99.00,"顺丰速运 SF1234567890123; 中通 73100012345670"',
  '6900000000000000005,T恤,99.00,待仓库复核,,,安能物流 300012345678',
  '6900000000000000006,T恤,99.00,已关闭,,,',
].join('\n');

describe('status, refunds and combined logistics in an import', () => {
  it('normalises status and refunds, keeps the words and splits the logistics cell', async () => {
    const { orders } = await parse(DOUYIN);
    const pick = orders.map(({ orderNo, status, statusText, refundCents, carrier, trackingNo }) => ({ orderNo, status, statusText, refundCents, carrier, trackingNo }));
    expect(pick).toEqual([
      { orderNo: '6900000000000000001', status: 'completed', statusText: '已完成', refundCents: undefined, carrier: '中通快递', trackingNo: '73100012345678' },
      { orderNo: '6900000000000000002', status: 'refunded', statusText: '已完成 · 退款成功', refundCents: 9900, carrier: '圆通速递', trackingNo: 'YT1234567890123' },
      { orderNo: '6900000000000000003', status: 'partiallyRefunded', statusText: '已完成 · 退款成功', refundCents: 3000, carrier: '中通快递', trackingNo: '73100012345679' },
      {
        orderNo: '6900000000000000004', status: 'shipped', statusText: '已发货 · 退款中', refundCents: 9900,
        carrier: '顺丰速运; 中通', trackingNo: 'SF1234567890123; 73100012345670',
      },
      { orderNo: '6900000000000000005', status: null, statusText: '待仓库复核', refundCents: undefined, carrier: undefined, trackingNo: undefined },
      { orderNo: '6900000000000000006', status: 'closed', statusText: '已关闭', refundCents: undefined, carrier: undefined, trackingNo: undefined },
    ]);
  });

  it('reports an unknown status word and an unsplittable logistics cell on their row and column', async () => {
    const { rowErrors } = await parse(DOUYIN);
    expect(rowErrors).toEqual([
      { rowNumber: 6, column: '订单状态', code: 'statusUnknown' },
      { rowNumber: 6, column: '快递信息', code: 'logisticsUnclear' },
    ]);
  });

  it('reads an English export with a refund amount and no refund status', async () => {
    const { orders, rowErrors } = await parse(
      ['Order ID,Order Status,Order Amount,Order Refund Amount,Tracking ID', 'A10001,Completed,$20.00,$20.00,JT5261988016578', 'A10002,Delivered,$20.00,$5.00,', 'A10003,Cancelled,$20.00,,'].join('\n'),
    );
    expect(rowErrors).toEqual([]);
    expect(orders.map((o) => [o.status, o.refundCents])).toEqual([['refunded', 2000], ['partiallyRefunded', 500], ['closed', undefined]]);
  });

});
