import { describe, expect, it } from 'vitest';
import { normaliseStatus, type OrderStatus } from './status';

const statusOf = (status: string) => normaliseStatus({ status }).status;

/** Order states as each platform's export writes them, with the value each must become. */
const WORDS: Record<string, [string, OrderStatus][]> = {
  taobao: [
    ['等待买家付款', 'unpaid'], ['买家已付款，等待卖家发货', 'paid'], ['买家已付款,等待卖家发货', 'paid'], ['等待卖家发货', 'paid'],
    ['卖家已发货，等待买家确认', 'shipped'], ['卖家已发货,等待买家确认收货', 'shipped'], ['交易成功', 'completed'],
    ['交易关闭', 'closed'], ['付款以后用户退款成功，交易自动关闭', 'refunded'], ['卖家部分发货', 'shipped'],
    ['买家已签收（货到付款专用）', 'completed'], ['付款以前，卖家或买家主动关闭交易', 'closed'], ['交易被淘宝关闭', 'closed'],
  ],
  pinduoduo: [['待付款', 'unpaid'], ['待发货', 'paid'], ['已发货，待签收', 'shipped'], ['已发货待签收', 'shipped'], ['已签收', 'completed'], ['已取消', 'closed'],
    ['未发货，退款成功', 'refunded'], ['已发货，退款成功', 'refunded'], ['已签收，退款中', 'completed']],
  douyin: [['待支付', 'unpaid'], ['待发货', 'paid'], ['已发货', 'shipped'], ['已完成', 'completed'], ['已关闭', 'closed']],
  jd: [['等待出库', 'paid'], ['等待确认收货', 'shipped'], ['完成', 'completed'], ['已取消', 'closed'], ['锁定', 'paid']],
  amazon: [
    ['Pending', 'unpaid'], ['Unshipped', 'paid'], ['Shipped', 'shipped'], ['Canceled', 'closed'], ['Cancelled', 'closed'],
    ['Delivered', 'completed'], ['Shipped - Delivered to Buyer', 'completed'], ['PartiallyShipped', 'shipped'],
  ],
  english: [
    ['Completed', 'completed'], ['COMPLETED', 'completed'], ['Refunded', 'refunded'], ['To ship', 'paid'], ['Unpaid', 'unpaid'],
    ['Awaiting Shipment', 'paid'], ['In transit', 'shipped'], ['Partially refunded', 'partiallyRefunded'],
  ],
};

describe('normaliseStatus', () => {
  for (const [platform, words] of Object.entries(WORDS)) {
    it(`reads ${platform} order states`, () => {
      for (const [word, expected] of words) expect([word, statusOf(word)]).toEqual([word, expected]);
    });
  }

  it('keeps the words as the export wrote them, joined', () => {
    expect(normaliseStatus({ status: '交易关闭', afterSale: '退款成功' })).toEqual({ status: 'refunded', statusText: '交易关闭 · 退款成功', unknown: [] });
    // "no after-sales" beside every order is not worth showing.
    expect(normaliseStatus({ status: '已签收', afterSale: '无售后或售后取消' })).toEqual({ status: 'completed', statusText: '已签收', unknown: [] });
    expect(normaliseStatus({ status: '交易关闭', closeReason: '买家不想买了' }).statusText).toBe('交易关闭 · 买家不想买了');
    expect(normaliseStatus({ status: '交易成功', closeReason: '订单未关闭' }).statusText).toBe('交易成功');
  });

  it('lets a refund override the order state: whole amount refunded, part partially', () => {
    const done = { status: '交易成功', amountCents: 10000 };
    expect(normaliseStatus({ ...done, afterSale: '退款成功', refundCents: 10000 }).status).toBe('refunded');
    expect(normaliseStatus({ ...done, afterSale: '退款成功', refundCents: 2500 }).status).toBe('partiallyRefunded');
    expect(normaliseStatus({ ...done, afterSale: '退款成功' }).status).toBe('refunded');
    expect(normaliseStatus({ ...done, afterSale: '部分退款' }).status).toBe('partiallyRefunded');
    expect(normaliseStatus({ status: '已签收', refundCents: 300, amountCents: 1000 }).status).toBe('partiallyRefunded');
    expect(normaliseStatus({ status: 'Completed', afterSale: 'Refund Successful', refundCents: 1000, amountCents: 1000 }).status).toBe('refunded');
  });

  it('changes nothing while a refund is in progress or when after-sales closed without an amount', () => {
    expect(normaliseStatus({ status: '已发货', afterSale: '退款中', refundCents: 1000, amountCents: 1000 }).status).toBe('shipped');
    expect(normaliseStatus({ status: '卖家已发货，等待买家确认', afterSale: '买家已经申请退款，等待卖家同意' }).status).toBe('shipped');
    expect(normaliseStatus({ status: '已完成', afterSale: '售后完成' }).status).toBe('completed');
    expect(normaliseStatus({ status: '已完成', afterSale: '售后完成', refundCents: 1000, amountCents: 1000 }).status).toBe('refunded');
    expect(normaliseStatus({ status: '交易成功', afterSale: '退款关闭', refundCents: 0, amountCents: 1000 }).status).toBe('completed');
  });

  it('reports unknown words and disagreeing states instead of guessing', () => {
    expect(normaliseStatus({ status: '等待仓库审核' })).toEqual({ status: null, statusText: '等待仓库审核', unknown: ['status'] });
    expect(normaliseStatus({ status: '交易成功', afterSale: '待平台仲裁' })).toEqual({ status: null, statusText: '交易成功 · 待平台仲裁', unknown: ['afterSale'] });
    expect(normaliseStatus({ status: 'Shipped - Returned to Seller' }).unknown).toEqual(['status']);
    expect(normaliseStatus({ status: '已发货，交易成功' }).unknown).toEqual(['status']);
  });

  it('says nothing when the export says nothing', () => {
    expect(normaliseStatus({})).toEqual({ status: undefined, statusText: undefined, unknown: [] });
    expect(normaliseStatus({ refundCents: 0, amountCents: 100 }).status).toBeUndefined();
    expect(normaliseStatus({ afterSale: '退款成功' }).status).toBe('refunded');
  });
});
