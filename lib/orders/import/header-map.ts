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
  orderNo: [
    '订单编号', '订单号', '主订单编号', '主订单号', '订单ID', 'Order ID', 'Order Number', 'Order No', 'Order SN',
    'amazon-order-id', 'order-id', 'order_sn', 'Main Order ID', 'Main Order No',
  ],
  // A nickname or account before a recipient's name; "Buyer Email" and "Buyer Phone" never match "Buyer".
  buyerName: [
    '买家会员名', '买家昵称', '买家ID', '下单账号', '下单帐号', '收货人姓名', '收货人', '收件人', '客户姓名',
    'buyer-name', 'Buyer Name', 'Buyer Username', 'Buyer Nickname', 'Buyer', 'Username', 'Customer Name', 'Customer',
    'recipient-name', 'Recipient', 'Recipient Name', 'Receiver Name', 'Receiver', 'Shipping Name', 'Consignee', 'Consignee Name',
  ],
  buyerPhone: [
    '联系手机', '收货人手机', '收货人手机号', '收件人手机号', '收件人手机', '手机号', '手机', '联系电话', '客户电话',
    'buyer-phone-number', 'ship-phone-number', 'Buyer Phone', 'Phone', 'Phone Number', 'Phone #', 'Mobile',
    'Recipient Phone', 'Receiver Phone', 'Receiver Mobile', 'Consignee Phone', 'Shipping Phone Number', 'Contact Number',
    'Contact Phone',
  ],
  address: [
    '收货地址', '详细地址', '收货人地址', '收件地址', '客户地址', 'ship-address-1', 'Shipping Address', 'Delivery Address',
    'Detail Address', 'Detailed Address', 'Full Address', 'Receiver Address', 'Recipient Address', 'Receiving Address',
    'Consignee Address', 'Address',
  ],
  ip: ['IP', '下单IP', '买家IP', 'IP地址', '下单IP地址', 'IP Address', 'Buyer IP'],
  createdAt: [
    '订单创建时间', '下单时间', '订单提交时间', '订单成交时间', '创建时间', 'purchase-date', 'Order Date', 'Created Time',
    'Create Time', 'Created At', 'Created', 'Order Time', 'Order Created Time', 'Order Create Time', 'Order Creation Date',
    'Order Creation Time', 'Purchase Date', 'Date Created',
  ],
  paidAt: [
    '订单付款时间', '付款时间', '支付时间', '支付完成时间', 'payments-date', 'Payment Date', 'Payment Time', 'Paid Time', 'Paid At',
    'Pay Time',
    'Order Paid Time', 'Order Payment Time', 'Paid Date', 'Date Paid', '付款确认时间',
  ],
  // What the buyer paid for the order, best first; a unit price or a subtotal before discounts never is.
  amountCents: [
    '买家实际支付金额', '实付金额', '用户实付金额', '订单应付金额', '实付款', '应付金额', '支付金额', '订单金额', 'item-price',
    'Actual Payment', 'Actual Payment Amount', 'Actual Paid Amount', 'User Paid Amount', 'Order Total', 'Amount Paid',
    'Paid Amount', 'Buyer Paid', 'Total Paid', 'Grand Total', 'Amount Payable', 'Payable Amount', 'Order Amount', 'Total Amount',
    'Payment Amount', 'Paid Price', 'Amount', 'Total',
  ],
  itemTitle: [
    '宝贝标题', '商品名称', '商品', '选购商品', '商品标题', '标题', 'product-name', 'Product Name', 'Product Title', 'Product',
    'Item Name', 'Item Title', 'Item', 'Items', 'Goods Name', 'Title',
  ],
  quantity: ['宝贝总数量', '数量', '商品数量', '购买数量', '订购数量', 'quantity-purchased', 'quantity', 'Qty', 'Item Quantity'],
  trackingNo: [
    '物流单号', '运单号', '快递单号', '运单号码', 'tracking-number', 'Tracking Number', 'Tracking No', 'Tracking ID',
    'Tracking Code', 'Waybill Number', 'Waybill No', 'Waybill', 'AWB', 'Logistics No', 'Logistics Number', 'Express No',
    'Express Number', 'Courier Number',
  ],
  carrier: [
    '物流公司', '快递公司', '承运商', 'carrier', 'ship-service-name', 'Courier', 'Carrier Name', 'Shipping Carrier',
    'Shipping Provider', 'Shipping Provider Name', 'Shipping Company', 'Logistics Company', 'Express Company', 'Courier Name',
    'Shipping Option',
  ],
  shippedAt: [
    '发货时间', '出库时间', 'ship-date', 'Ship Date', 'Shipped Time', 'Ship Time', 'Shipped At', 'Shipped Date', 'Shipping Time',
    'Dispatch Time', 'Dispatched At',
  ],
  // Only words that say it arrived: a "Delivery Date" is often the promised one.
  signedAt: ['签收时间', '确认收货时间', '收货时间', 'Delivered Time', 'Delivered At', 'Delivered Date', 'Received Time', 'Signed Time'],
  status: ['订单状态', '交易状态', 'order-status', 'Order Status', 'Trade Status', 'Order State', 'Status', '状态'],
  afterSale: [
    '售后状态', '退款状态', '退货退款状态', 'Refund Status', 'Return Refund Status', 'Return Status', 'After-sales Status',
    'Aftersale Status',
  ],
  closeReason: ['订单关闭原因', '关闭原因', '取消原因', 'Cancel Reason', 'Cancellation Reason', 'Close Reason', 'Order Close Reason'],
  refundCents: [
    '退款金额', '买家退款金额', '已退款金额', '售后退款金额', 'Refund Amount', 'Order Refund Amount', 'Refunded Amount', 'Refund Total',
  ],
  // Carrier and number in one cell; used only where no separate number column exists (see suggestMapping).
  logistics: [
    '快递信息', '物流信息', '快递', '物流', 'Logistics', 'Logistics Info', 'Logistics Information', 'Express Info',
    'Express Information', 'Shipping Info', 'Tracking Info',
  ],
} as const satisfies Record<OrderField, readonly string[]>;

/**
 * Amazon splits the address over several columns; the street alone says nothing about the region,
 * so these are appended to the mapped address column when present.
 */
export const ADDRESS_PART_HEADERS = ['ship-city', 'ship-state', 'ship-postal-code', 'ship-country'] as const;

/**
 * Reduces a header to what identifies it: no BOM, half-width (NFKC turns （元） into (元)), lower
 * case, without bracketed units, spaces, hyphens or underscores. "商品数量（件）" and "商品数量"
 * compare equal, as do "Order ID" and "order-id", "Order No." and "order_no", "Return / Refund Status" and
 * "return refund status".
 */
export function normaliseHeader(header: string): string {
  return header
    .replace(/\uFEFF/g, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[(\[{【][^)\]}】]*[)\]}】]/g, '')
    .replace(/[\s\-_:：*.#/]/g, '');
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
  // A file with its own number column keeps the combined cell for the user to choose, not to mix in.
  if (mapping.logistics !== null && mapping.trackingNo !== null) {
    claimed.delete(mapping.logistics);
    mapping.logistics = null;
  }
  const unmapped = headers.map((header, index) => ({ index, header })).filter(({ index }) => !claimed.has(index));
  return { mapping, unmapped };
}

/** Indexes of Amazon-style address part columns present in the file, in address order. */
export function findAddressParts(headers: readonly string[]): number[] {
  const normalised = headers.map(normaliseHeader);
  return ADDRESS_PART_HEADERS.map((part) => normalised.indexOf(normaliseHeader(part))).filter((i) => i !== -1);
}
