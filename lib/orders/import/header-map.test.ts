import { describe, expect, it } from 'vitest';
import { ORDER_FIELDS } from '../types';
import { HEADER_SYNONYMS, normaliseHeader, suggestMapping } from './header-map';
import { AMAZON_TSV, PINDUODUO_CSV, TAOBAO_HEADERS } from './test-fixtures';

const headerLine = (text: string, delimiter: string) => (text.split('\n')[0] ?? '').split(delimiter);

describe('normaliseHeader', () => {
  it('ignores BOM, width, case, spaces, hyphens and units', () => {
    expect(normaliseHeader('\uFEFF 商品数量（件） ')).toBe('商品数量');
    expect(normaliseHeader('用户实付金额(元)')).toBe('用户实付金额');
    expect(normaliseHeader('Ｏｒｄｅｒ　ＩＤ')).toBe(normaliseHeader('order-id'));
    expect(normaliseHeader('下单 IP')).toBe('下单ip');
  });
});

describe('suggestMapping', () => {
  it('maps a Taobao export and prefers 买家会员名 over 收货人姓名', () => {
    const { mapping, unmapped } = suggestMapping(TAOBAO_HEADERS);
    const at = (header: string) => TAOBAO_HEADERS.indexOf(header);
    expect(mapping).toEqual({
      orderNo: at('订单编号'), buyerName: at('买家会员名'), buyerPhone: at('联系手机'), address: at('收货地址'),
      ip: null, createdAt: at('订单创建时间'), paidAt: at('订单付款时间'), amountCents: at('买家实际支付金额'),
      itemTitle: at('宝贝标题'), quantity: at('宝贝总数量'), trackingNo: at('物流单号'), carrier: at('物流公司'),
      shippedAt: null, signedAt: null,
    });
    expect(unmapped.map((column) => column.header)).toContain('收货人姓名');
    expect(unmapped).toHaveLength(TAOBAO_HEADERS.length - 11);
  });

  it('maps Pinduoduo headers with units in brackets', () => {
    const { mapping } = suggestMapping(headerLine(PINDUODUO_CSV, ','));
    expect(mapping).toMatchObject({
      createdAt: 0, itemTitle: 1, orderNo: 2, amountCents: 6, quantity: 8, shippedAt: 9, signedAt: 10,
      trackingNo: 15, carrier: 16, paidAt: 17, buyerName: null,
    });
  });

  it('maps Douyin headers', () => {
    const headers = ['主订单编号', '子订单编号', '选购商品', '商品规格', '商品数量', '订单应付金额', '运费', '收件人', '收件人手机号', '详细地址', '订单提交时间'];
    expect(suggestMapping(headers).mapping).toMatchObject({
      orderNo: 0, itemTitle: 2, quantity: 4, amountCents: 5, buyerName: 7, buyerPhone: 8, address: 9, createdAt: 10,
    });
  });

  it('maps an Amazon report', () => {
    const { mapping } = suggestMapping(headerLine(AMAZON_TSV, '\t'));
    expect(mapping).toMatchObject({ orderNo: 0, createdAt: 2, paidAt: 3, buyerName: 5, buyerPhone: 6, itemTitle: 8, quantity: 9, amountCents: 11, address: 12 });
  });

  it('never gives one column to two fields', () => {
    const { mapping } = suggestMapping(['订单号', '订单号', '数量']);
    expect(mapping.orderNo).toBe(0);
    expect(Object.values(mapping).filter((index) => index === 0)).toHaveLength(1);
  });

  it('has synonyms for every field', () => {
    for (const field of ORDER_FIELDS) expect(HEADER_SYNONYMS[field].length).toBeGreaterThan(0);
  });
});
