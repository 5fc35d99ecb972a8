import type { OrderStatus } from './status';

/**
 * What an after-sales or refund cell says about money going back. `settled` is 售后完成: after-sales
 * also covers exchanges and repairs, so it says a case was closed, not that money was returned.
 */
export type RefundState = 'none' | 'pending' | 'settled' | 'full' | 'partial';

export type StatusWord = { base: OrderStatus } | { refund: RefundState };

/**
 * Reduces a status cell to what identifies the words: half-width, lower case, without spaces,
 * punctuation or hyphens, so "买家已付款，等待卖家发货", "买家已付款,等待卖家发货" and
 * "Shipped - Delivered to Buyer" / "shipped-delivered to buyer" compare equal.
 */
export function statusKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

const BASE: Record<Exclude<OrderStatus, 'refunded' | 'partiallyRefunded'>, readonly string[]> = {
  // Amazon's "Pending": ordered, payment not yet authorised. (Lazada's API also says "pending", for a
  // new order already paid or cash on delivery; its seller-centre export was not seen saying it.)
  unpaid: [
    '等待买家付款', '待付款', '待支付', '未付款', '等待付款', '待买家付款', '没有创建支付宝交易', '外卡支付付款确认中',
    '国际信用卡支付付款确认中',
    'unpaid', 'pending', 'pending payment', 'awaiting payment',
  ],
  // JD's 锁定: the buyer asked to cancel before dispatch and the order waits for the seller's answer;
  // like 退款中 it is paid money not yet returned, so it reads as paid.
  paid: [
    // Pinduoduo's 未发货 (in "未发货，退款成功") is said only of paid orders: its exports hold no unpaid ones.
    '买家已付款', '等待卖家发货', '买家已付款等待卖家发货', '待发货', '未发货', '已付款', '已支付', '等待出库', '待出库', '锁定', '备货中',
    'paid', 'unshipped', 'to ship', 'awaiting shipment', 'awaiting collection', 'ready to ship', 'processing',
  ],
  shipped: [
    '卖家已发货', '等待买家确认', '等待买家确认收货', '卖家已发货等待买家确认', '卖家已发货等待买家确认收货', '已发货', '待签收',
    '已发货待签收', '待收货', '等待确认收货', '部分发货', '卖家部分发货', '运输中', '配送中',
    'shipped', 'shipping', 'in transit', 'partially shipped', 'partiallyshipped', 'shipped - out for delivery',
  ],
  completed: [
    '交易成功', '已签收', '已完成', '完成', '交易完成', '已收货', '订单完成', '买家已签收', '买家已签收货到付款专用',
    'completed', 'complete', 'delivered', 'shipped - delivered to buyer', 'shipped - picked up',
  ],
  // Cancelled before or after payment: without a refund word the money question stays open.
  closed: [
    '交易关闭', '交易自动关闭', '交易被淘宝关闭', '付款以前卖家或买家主动关闭交易', '已关闭', '已取消', '订单取消', '交易取消',
    '取消', '订单关闭', 'closed', 'cancelled', 'canceled',
  ],
};

const REFUND: Record<RefundState, readonly string[]> = {
  none: [
    '无售后', '无售后或售后取消', '售后取消', '售后关闭', '退款关闭', '退款取消', '退款失败', '拒绝退款', '商家拒绝退款',
    '没有申请退款', '未申请退款', '无退款', '未退款', '退款驳回', '退款拒绝', '售后失败', '买家取消售后', '未关闭', '订单未关闭', 'no refund', 'none', 'refund rejected', 'refund cancelled', 'refund closed',
  ],
  pending: [
    '退款中', '退款申请中', '申请退款', '待退款', '售后中', '售后处理中', '售后待处理', '待商家处理', '待买家退货', '待商家收货',
    '退货退款中', '仅退款中', '平台介入', '等待平台退款', '买家已经申请退款等待卖家同意', '卖家已经同意退款等待买家退货', '买家已经退货等待卖家确认收货',
    'refund pending', 'refund requested', 'refund in progress', 'return requested', 'return in progress', 'requested',
  ],
  settled: ['售后完成', '售后成功'],
  full: [
    '退款成功', '已退款', '退款完成', '退货退款成功', '仅退款成功', '买家已退款', '付款以后用户退款成功',
    'refunded', 'refund successful', 'refund completed', 'refund complete', 'refund paid', 'refund success',
  ],
  partial: ['部分退款', '部分退款成功', '部分退款完成', 'partially refunded', 'partial refund', 'partiallyrefunded'],
};

/** Every known word by its key. Built once: lookups run for every row of a 50,000-row export. */
export const STATUS_WORDS: ReadonlyMap<string, StatusWord> = (() => {
  const words = new Map<string, StatusWord>();
  for (const [base, list] of Object.entries(BASE)) for (const w of list) words.set(statusKey(w), { base: base as OrderStatus });
  for (const [refund, list] of Object.entries(REFUND)) for (const w of list) words.set(statusKey(w), { refund: refund as RefundState });
  return words;
})();
