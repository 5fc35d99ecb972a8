import { ORDER_FIELDS, type OrderField } from '../types';

export type ColumnMapping = Record<OrderField, number | null>;

export type HeaderSuggestion = {
  mapping: ColumnMapping;
  /** Columns no field claimed: shown in the preview so the user can assign them by hand. */
  unmapped: { index: number; header: string }[];
};

/**
 * Header names seen in each platform's export, best first: when a file has two candidates for a field
 * (Taobao has both 买家会员名 and 收货人姓名) the earlier synonym wins. Written as users see them;
 * matching goes through normaliseHeader, so case, spaces, hyphens and units like (元) do not matter.
 */
export const HEADER_SYNONYMS = {
  orderNo: ['订单编号', '订单号', '主订单编号', '订单ID', 'Order ID', 'amazon-order-id', 'order-id'],
  buyerName: ['买家会员名', '买家昵称', '买家ID', '收货人姓名', '收货人', '收件人', 'buyer-name', 'Buyer Name', 'recipient-name'],
  buyerPhone: ['联系手机', '收货人手机', '收货人手机号', '收件人手机号', '收件人手机', '手机号', '手机', '联系电话', 'buyer-phone-number', 'ship-phone-number'],
  address: ['收货地址', '详细地址', '收货人地址', '收件地址', 'ship-address-1', 'Shipping Address'],
  ip: ['IP', '下单IP', '买家IP', 'IP地址', '下单IP地址'],
  createdAt: ['订单创建时间', '下单时间', '订单提交时间', '订单成交时间', '创建时间', 'purchase-date', 'Order Date'],
  paidAt: ['订单付款时间', '付款时间', '支付时间', 'payments-date', 'Payment Date'],
  amountCents: ['买家实际支付金额', '实付金额', '用户实付金额', '订单应付金额', '实付款', 'item-price', 'Order Total'],
  itemTitle: ['宝贝标题', '商品名称', '商品', '选购商品', '商品标题', 'product-name', 'Product Name'],
  quantity: ['宝贝总数量', '数量', '商品数量', '购买数量', 'quantity-purchased', 'quantity'],
  trackingNo: ['物流单号', '运单号', '快递单号', 'tracking-number', 'Tracking Number'],
  carrier: ['物流公司', '快递公司', 'carrier', 'ship-service-name'],
  shippedAt: ['发货时间', 'ship-date', 'Ship Date'],
  signedAt: ['签收时间', '确认收货时间', '收货时间'],
} as const satisfies Record<OrderField, readonly string[]>;

/**
 * Amazon splits the address over several columns; the street alone says nothing about the region,
 * so these are appended to the mapped address column when present.
 */
export const ADDRESS_PART_HEADERS = ['ship-city', 'ship-state', 'ship-postal-code', 'ship-country'] as const;

/**
 * Reduces a header to what identifies it: no BOM, half-width (NFKC turns （元） into (元)), lower
 * case, without bracketed units, spaces, hyphens or underscores. "商品数量（件）" and "商品数量"
 * compare equal, as do "Order ID" and "order-id".
 */
export function normaliseHeader(header: string): string {
  return header
    .replace(/\uFEFF/g, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[(\[{【][^)\]}】]*[)\]}】]/g, '')
    .replace(/[\s\-_:：*]/g, '');
}

/**
 * Suggests which column feeds which order field. Fields are matched in ORDER_FIELDS order and each
 * column serves at most one field, so the suggestion is stable and never double-counts a column.
 */
export function suggestMapping(headers: readonly string[]): HeaderSuggestion {
  const normalised = headers.map(normaliseHeader);
  const claimed = new Set<number>();
  const mapping = Object.fromEntries(ORDER_FIELDS.map((field) => [field, null])) as ColumnMapping;

  for (const field of ORDER_FIELDS) {
    for (const synonym of HEADER_SYNONYMS[field]) {
      const wanted = normaliseHeader(synonym);
      const index = normalised.findIndex((name, i) => name === wanted && !claimed.has(i));
      if (index !== -1) {
        mapping[field] = index;
        claimed.add(index);
        break;
      }
    }
  }
  const unmapped = headers.map((header, index) => ({ index, header })).filter(({ index }) => !claimed.has(index));
  return { mapping, unmapped };
}

/** Indexes of Amazon-style address part columns present in the file, in address order. */
export function findAddressParts(headers: readonly string[]): number[] {
  const normalised = headers.map(normaliseHeader);
  return ADDRESS_PART_HEADERS.map((part) => normalised.indexOf(normaliseHeader(part))).filter((i) => i !== -1);
}
