import type { OrderRecord } from '@/lib/orders/types';
import { HOUR_MS } from './order-index';
import { AUDIT_THRESHOLDS } from './thresholds';
import type { AuditContext } from './types';

/**
 * Small generated order sets for the audit's unit tests (and ad hoc benchmarks). Times count hours
 * from a fixed Monday, 2026-03-02 00:00 in China (UTC+8), so bucket boundaries are easy to reason about.
 */
export const T0 = Date.parse('2026-03-02T00:00:00+08:00');

/** A time `hours` after T0 (fractions allowed). */
export function at(hours: number): Date {
  return new Date(T0 + hours * HOUR_MS);
}

/**
 * An order whose fields do not trigger any rule on their own: distinct contacts, and a sane
 * timeline (paid, shipped, signed for) following its creation time, which defaults to hour `n`.
 */
export function makeOrder(n: number, overrides: Partial<OrderRecord> = {}): OrderRecord {
  const created = overrides.createdAt ?? at(n);
  return {
    orderNo: `3${String(n).padStart(17, '0')}`,
    buyerPhone: `138****${String(n % 10_000).padStart(4, '0')}`,
    address: `浙江省杭州市西湖区文三路${n}号`,
    ip: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
    createdAt: created,
    paidAt: new Date(created.getTime() + 60_000),
    amountCents: 9900,
    itemTitle: '纯棉T恤',
    quantity: 1,
    trackingNo: `SF${String(1_000_000_000 + n)}`,
    carrier: '顺丰速运',
    shippedAt: new Date(created.getTime() + 20 * HOUR_MS),
    signedAt: new Date(created.getTime() + 60 * HOUR_MS),
    ...overrides,
  };
}

/** `count` orders numbered from `from`, each adjusted by `adjust`. */
export function makeOrders(count: number, adjust: (i: number) => Partial<OrderRecord> = () => ({}), from = 0): OrderRecord[] {
  return Array.from({ length: count }, (_, i) => makeOrder(from + i, adjust(i)));
}

/** The default context with some threshold groups replaced. */
export function contextWith(overrides: Partial<AuditContext> = {}): AuditContext {
  return { thresholds: AUDIT_THRESHOLDS, ...overrides };
}

/** Deterministic shuffle (mulberry32), so "any input order" tests are reproducible. */
export function shuffled<T>(items: readonly T[], seed = 42): T[] {
  let s = seed >>> 0;
  const random = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let r = Math.imul(s ^ (s >>> 15), 1 | s);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
