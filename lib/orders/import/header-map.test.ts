import { describe, expect, it } from 'vitest';
import { ORDER_FIELDS } from '../types';
import { HEADER_SYNONYMS, normaliseHeader, suggestMapping } from './header-map';
import { AMAZON_TSV, ENGLISH_HEADERS, PINDUODUO_CSV, TAOBAO_HEADERS } from './test-fixtures';

const headerLine = (text: string, delimiter: string) => (text.split('\n')[0] ?? '').split(delimiter);

/** The suggestion as header names, the way a reviewer reads it; unmapped fields left out. */
function mappedNames(headers: readonly string[]): Partial<Record<string, string>> {
  const { mapping } = suggestMapping(headers);
  return Object.fromEntries(Object.entries(mapping).filter(([, i]) => i !== null).map(([field, i]) => [field, headers[i ?? -1]]));
}

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
      shippedAt: null, signedAt: null, status: at('订单状态'), afterSale: null, closeReason: at('订单关闭原因'), refundCents: null,
      logistics: null,
    });
    expect(unmapped.map((column) => column.header)).toContain('收货人姓名');
    expect(unmapped).toHaveLength(TAOBAO_HEADERS.length - 13);
  });

  it('maps Pinduoduo headers with units in brackets', () => {
    const { mapping } = suggestMapping(headerLine(PINDUODUO_CSV, ','));
    expect(mapping).toMatchObject({
      createdAt: 0, itemTitle: 1, orderNo: 2, amountCents: 6, quantity: 8, shippedAt: 9, signedAt: 10,
      trackingNo: 15, carrier: 16, paidAt: 17, buyerName: null, status: 3, afterSale: 14,
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

  it('maps the English seller centres, TikTok Shop, Shopee and Lazada', () => {
    expect(mappedNames(ENGLISH_HEADERS.tiktokShop)).toEqual({
      orderNo: 'Order ID', buyerName: 'Buyer Username', buyerPhone: 'Phone #', address: 'Detail Address', createdAt: 'Created Time',
      paidAt: 'Paid Time', amountCents: 'Order Amount', itemTitle: 'Product Name', quantity: 'Quantity', trackingNo: 'Tracking ID',
      carrier: 'Shipping Provider Name', shippedAt: 'Shipped Time', signedAt: 'Delivered Time', status: 'Order Status',
      closeReason: 'Cancel Reason', refundCents: 'Order Refund Amount',
    });
    expect(mappedNames(ENGLISH_HEADERS.shopee)).toEqual({
      orderNo: 'Order ID', buyerName: 'Username (Buyer)', buyerPhone: 'Phone Number', address: 'Delivery Address',
      createdAt: 'Order Creation Date', paidAt: 'Order Paid Time', amountCents: 'Grand Total', itemTitle: 'Product Name',
      quantity: 'Quantity', trackingNo: 'Tracking Number*', carrier: 'Shipping Option', shippedAt: 'Ship Time', status: 'Order Status',
      afterSale: 'Return / Refund Status',
    });
    // Lazada lists items: the order is "Order Number", never "Order Item Id"; the first-mile copies lose.
    const lazada = suggestMapping(ENGLISH_HEADERS.lazada).mapping;
    expect(mappedNames(ENGLISH_HEADERS.lazada)).toEqual({
      orderNo: 'Order Number', buyerName: 'Customer Name', buyerPhone: 'Shipping Phone Number', address: 'Shipping Address',
      createdAt: 'Created at', amountCents: 'Paid Price', itemTitle: 'Item Name', trackingNo: 'Tracking Code', carrier: 'Shipping Provider',
      status: 'Status', refundCents: 'Refund Amount',
    });
    expect(lazada.trackingNo).toBe(ENGLISH_HEADERS.lazada.indexOf('Tracking Code'));
  });

  it("maps Taobao's seller centre in English, preferring the amount actually paid over the total", () => {
    expect(mappedNames(ENGLISH_HEADERS.taobaoEnglish)).toEqual({
      orderNo: 'Order No.', buyerName: 'Buyer Nickname', buyerPhone: 'Mobile', address: 'Receiving Address', createdAt: 'Order Created Time',
      paidAt: 'Order Payment Time', amountCents: 'Actual Payment Amount', itemTitle: 'Item Title', quantity: 'Item Quantity',
      trackingNo: 'Logistics No.', carrier: 'Logistics Company', status: 'Order Status', closeReason: 'Order Close Reason',
    });
  });

  it('maps both Amazon reports and a JD export', () => {
    expect(mappedNames(ENGLISH_HEADERS.amazonAllOrders)).toEqual({
      orderNo: 'amazon-order-id', createdAt: 'purchase-date', amountCents: 'item-price', itemTitle: 'product-name', quantity: 'quantity',
      status: 'order-status',
    });
    expect(mappedNames(ENGLISH_HEADERS.amazonUnshipped)).toEqual({
      orderNo: 'order-id', buyerName: 'buyer-name', buyerPhone: 'buyer-phone-number', address: 'ship-address-1', createdAt: 'purchase-date',
      paidAt: 'payments-date', itemTitle: 'product-name', quantity: 'quantity-purchased',
    });
    expect(mappedNames(ENGLISH_HEADERS.jd)).toEqual({
      orderNo: '订单号', buyerName: '下单帐号', buyerPhone: '联系电话', address: '客户地址', createdAt: '下单时间', paidAt: '付款确认时间',
      amountCents: '应付金额', itemTitle: '商品名称', quantity: '订购数量', status: '订单状态',
    });
  });

  it('maps plain English and snake_case headers', () => {
    expect(mappedNames(ENGLISH_HEADERS.plainEnglish)).toEqual({
      orderNo: 'Order ID', buyerName: 'Buyer', paidAt: 'Paid At', amountCents: 'Amount', itemTitle: 'Item', quantity: 'Qty',
      trackingNo: 'Tracking No', carrier: 'Carrier', status: 'Status', afterSale: 'Refund Status', refundCents: 'Refund Amount',
    });
    expect(mappedNames(ENGLISH_HEADERS.snakeCase)).toEqual({
      orderNo: 'order_id', buyerName: 'buyer_name', createdAt: 'created_at', paidAt: 'paid_at', amountCents: 'total_amount',
      itemTitle: 'product_name', quantity: 'qty', trackingNo: 'tracking_no', carrier: 'carrier', shippedAt: 'shipped_at',
      status: 'order_status', afterSale: 'refund_status', refundCents: 'refund_amount', closeReason: 'cancel_reason',
    });
  });

  it('does not let a header that could mean two things take the wrong field', () => {
    // The order's total beats a bare "Amount" or "Total", which may be a line's.
    expect(mappedNames(['Order ID', 'Amount', 'Order Amount', 'Total']).amountCents).toBe('Order Amount');
    expect(mappedNames(['Order ID', 'Total', 'Order Total']).amountCents).toBe('Order Total');
    // An email or a phone is not the buyer's name; a refund status is not the order's.
    expect(mappedNames(['Order ID', 'Buyer Email', 'Buyer Phone'])).toEqual({ orderNo: 'Order ID', buyerPhone: 'Buyer Phone' });
    expect(mappedNames(['Order ID', 'Refund Status', 'Payment Status'])).toEqual({ orderNo: 'Order ID', afterSale: 'Refund Status' });
    expect(mappedNames(['Order ID', 'Payment Status', 'Order Status', 'Status']).status).toBe('Order Status');
    // A unit price, an item id or a promised date is never the paid amount, the order or the delivery.
    expect(mappedNames(['Order Item ID', 'Unit Price', 'Delivery Date', 'Estimated Delivery Time'])).toEqual({});
  });

  it('maps a combined logistics column only when there is no tracking number column', () => {
    const douyin = ['主订单编号', '子订单编号', '选购商品', '订单状态', '售后状态', '快递信息'];
    expect(mappedNames(douyin)).toMatchObject({ status: '订单状态', afterSale: '售后状态', logistics: '快递信息' });
    const both = suggestMapping([...douyin, '快递单号']);
    expect(both.mapping).toMatchObject({ logistics: null, trackingNo: 6 });
    expect(both.unmapped.map((column) => column.header)).toContain('快递信息');
  });

  it('never gives one column to two fields', () => {
    const { mapping } = suggestMapping(['订单号', '订单号', '数量']);
    expect(mapping.orderNo).toBe(0);
    expect(Object.values(mapping).filter((index) => index === 0)).toHaveLength(1);
  });

  it('never lists one header under two fields, which would make the winner depend on field order', () => {
    const owner = new Map<string, string>();
    for (const field of ORDER_FIELDS) {
      for (const synonym of HEADER_SYNONYMS[field]) {
        const key = normaliseHeader(synonym);
        expect([synonym, owner.get(key) ?? field]).toEqual([synonym, field]);
        owner.set(key, field);
      }
    }
  });

  it('has synonyms for every field', () => {
    for (const field of ORDER_FIELDS) expect(HEADER_SYNONYMS[field].length).toBeGreaterThan(0);
  });
});
