import { describe, expect, it } from 'vitest';
import { createTranslator } from 'use-intl/core';
import en from '@/lib/i18n/messages/en.json';
import zh from '@/lib/i18n/messages/zh-CN.json';
import { at, makeOrder, makeOrders } from '../order-factory';
import { runAudit } from '../run-audit';
import type { Finding } from '../types';

/** One finding of each kind the messages branch on, from real rule output (not hand-written params). */
function findings(): Finding[] {
  const orders = [
    ...makeOrders(140, (i) => ({ createdAt: at(i * 2.4) })),
    ...makeOrders(40, (i) => ({ createdAt: at(10 * 24 + 20 + i / 40), status: i % 2 ? 'refunded' : 'completed' }), 1000),
    ...makeOrders(3, (i) => ({ createdAt: at(30 + i), buyerPhone: '15000009999' }), 2000),
    ...makeOrders(7, (i) => ({ createdAt: at(60 + i), trackingNo: 'YT9876543210123' }), 2100),
    makeOrder(3000, { createdAt: at(100), amountCents: 100, status: 'partiallyRefunded' }),
    makeOrder(3001, { createdAt: at(101), trackingNo: 'BAD0000001' }),
    makeOrder(3002, { createdAt: at(1), trackingNo: undefined, shippedAt: undefined, signedAt: undefined }),
    makeOrder(3003, { createdAt: at(2), paidAt: undefined, trackingNo: undefined, shippedAt: undefined, signedAt: undefined }),
    makeOrder(3004, { createdAt: at(104), shippedAt: at(104 + 51.2), signedAt: at(104) }),
    makeOrder(3005, { createdAt: at(105), shippedAt: at(120), signedAt: at(120) }),
  ];
  return runAudit(orders, { checkTracking: ({ trackingNo }) => ({ status: trackingNo.startsWith('BAD') ? 'formatMismatch' : 'ok' }) }).findings;
}

const render = (messages: typeof zh, locale: string, f: Finding) => {
  const t = createTranslator({ locale, messages: messages as unknown as Record<string, never>, namespace: 'audit' as never });
  const key = `rules.${f.rule}.detail` as never;
  return (t as unknown as (k: string, p: Record<string, unknown>) => string)(key, { ...f.params, reason: f.params.reason ?? 'noneInExport' });
};

describe('audit messages', () => {
  it('render every finding in both languages, durations in days and hours', () => {
    const all = findings();
    expect(new Set(all.map((f) => f.rule)).size).toBeGreaterThanOrEqual(9);
    for (const f of all) {
      for (const [messages, locale] of [[zh, 'zh-CN'], [en, 'en']] as const) {
        const text = render(messages, locale, f);
        expect(text, `${f.rule} ${locale}`).not.toMatch(/\{|rules\.|undefined|NaN/);
      }
    }
    const signed = all.find((f) => f.rule === 'signedBeforeShipped');
    expect(render(zh, 'zh-CN', signed!)).toBe('签收时间比发货时间早 2 天 3 小时。');
    expect(render(en, 'en', signed!)).toBe('Signed for 2 days 3 hours before it shipped.');
    const shared = all.find((f) => f.rule === 'trackingShared');
    expect(render(zh, 'zh-CN', shared!)).toContain('共用运单号 YT9876543210123：');
    expect(render(en, 'en', shared!)).toContain('and 2 more');
    const ordered = all.find((f) => f.rule === 'trackingMissing' && f.params.since === 'ordered');
    expect(render(zh, 'zh-CN', ordered!)).toMatch(/^下单已过 \d+ 天/);
    expect(render(en, 'en', ordered!)).not.toContain('Paid');
    // "Paid" only where every counted order has a status: no claim the data does not support.
    expect(render(zh, 'zh-CN', all.find((f) => f.rule === 'burstHour')!)).toContain('单已付款订单');
    expect(render(zh, 'zh-CN', all.find((f) => f.rule === 'amountOutlier')!)).not.toContain('已付款');
    expect(render(en, 'en', all.find((f) => f.rule === 'amountOutlier')!)).not.toContain('paid');
    expect(zh.audit.severity.info).toBeTruthy();
    expect(en.audit.severity.info).toBeTruthy();
  });
});
