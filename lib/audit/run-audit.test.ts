import { describe, expect, it } from 'vitest';
import type { OrderRecord } from '@/lib/orders/types';
import { findingId } from './finding';
import { at, makeOrder, makeOrders, shuffled } from './order-factory';
import { RULES, runAudit } from './run-audit';
import { AUDIT_THRESHOLDS } from './thresholds';
import { RULE_IDS, RULE_WHY, SEVERITIES, type TrackingCheck } from './types';

const checkTracking: TrackingCheck = ({ trackingNo }) => ({ status: trackingNo.startsWith('BAD') ? 'formatMismatch' : 'ok' });

/** Two weeks of an ordinary shop (10 orders a day) plus one order set for each rule. */
function scenario(): OrderRecord[] {
  const steady = makeOrders(140, (i) => ({ createdAt: at(i * 2.4) }));
  const burst = makeOrders(40, (i) => ({ createdAt: at(10 * 24 + 20 + i / 40) }), 1000);
  const phone = makeOrders(3, (i) => ({ createdAt: at(30 + i), buyerPhone: '15000009999' }), 2000);
  const ip = makeOrders(4, (i) => ({ createdAt: at(50 + i), ip: '223.104.1.1' }), 2100);
  const address = makeOrders(3, (i) => ({ createdAt: at(70 + i), address: '上海市浦东新区张江路88号' }), 2200);
  const h = (n: number) => at(100 + n);
  return [
    ...steady,
    ...burst,
    ...phone,
    ...ip,
    ...address,
    makeOrder(3000, { createdAt: h(0), amountCents: 100 }),
    makeOrder(3001, { createdAt: h(1), trackingNo: 'YT9876543210' }),
    makeOrder(3002, { createdAt: h(2), trackingNo: 'YT9876543210' }),
    makeOrder(3003, { createdAt: h(3), trackingNo: 'BAD0000001' }),
    makeOrder(3004, { createdAt: h(4), trackingNo: undefined }),
    makeOrder(3005, { createdAt: h(5), shippedAt: h(30), signedAt: h(29) }),
    makeOrder(3006, { createdAt: h(6), paidAt: h(7), shippedAt: h(6.5) }),
    makeOrder(3007, { createdAt: h(7), paidAt: h(6) }),
    makeOrder(3008, { createdAt: h(8), shippedAt: h(20), signedAt: h(21) }),
  ];
}

describe('runAudit', () => {
  it('runs every rule, and every rule has a reason', () => {
    const { findings, stats } = runAudit(scenario(), { checkTracking });
    expect(new Set(findings.map((f) => f.rule))).toEqual(new Set(RULE_IDS));
    expect(Object.keys(RULES)).toEqual([...RULE_IDS]);
    for (const id of RULE_IDS) expect(RULE_WHY[id].length).toBeGreaterThan(20);
    expect(stats.orders).toBe(scenario().length);
  });

  it('copes with no orders and with orders that carry only a number', () => {
    expect(runAudit([])).toMatchObject({ findings: [], stats: { orders: 0 } });
    const bare = Array.from({ length: 30 }, (_, i) => ({ orderNo: String(i) }));
    expect(runAudit(bare, { checkTracking }).findings).toEqual([]);
  });

  it('finds nothing in an ordinary shop', () => {
    expect(runAudit(makeOrders(300, (i) => ({ createdAt: at(i * 1.7) })), { checkTracking }).findings).toEqual([]);
  });

  it('lists findings by severity, then rule', () => {
    const { findings } = runAudit(scenario(), { checkTracking });
    const rank = (f: (typeof findings)[number]) => SEVERITIES.indexOf(f.severity) * 100 + RULE_IDS.indexOf(f.rule);
    const ranks = findings.map(rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(findings[0]?.severity).toBe('high');
    // A waybill outside its carrier's known formats is a note, listed last.
    expect(findings.at(-1)).toMatchObject({ severity: 'info', rule: 'trackingFormat' });
  });

  it('reads statuses: closed ¥0.00 and unpaid orders are neither price anomalies nor missing waybills', () => {
    const shop = makeOrders(60, (i) => ({ createdAt: at(i * 4), amountCents: 9900 }));
    const closed = makeOrders(5, (i) => ({ createdAt: at(i * 4 + 1), amountCents: 0, status: 'closed', paidAt: undefined, trackingNo: undefined, shippedAt: undefined, signedAt: undefined }), 500);
    const unpaid = makeOrders(5, (i) => ({ createdAt: at(i * 4 + 2), status: 'unpaid', paidAt: undefined, trackingNo: undefined, shippedAt: undefined, signedAt: undefined }), 600);
    expect(runAudit([...shop, ...closed, ...unpaid], { checkTracking }).findings).toEqual([]);
    // The same rows without a status column are reported as before, and never said to be paid.
    const unknown = [...closed, ...unpaid].map(({ status: _status, ...o }) => o);
    const rules = runAudit([...shop, ...unknown], { checkTracking }).findings;
    expect(rules.filter((f) => f.rule === 'amountOutlier')).toHaveLength(5);
    const missing = rules.filter((f) => f.rule === 'trackingMissing');
    expect(missing).toHaveLength(10);
    for (const f of missing) expect(f.params.since).toBe('ordered');
  });

  it('does not mutate its input', () => {
    const orders = scenario();
    const before = structuredClone(orders);
    // Frozen: any write throws in strict-mode modules; the clone catches Date.setTime and reordering.
    const frozen = Object.freeze(orders.map((o) => Object.freeze({ ...o })));
    expect(() => runAudit(frozen, { checkTracking })).not.toThrow();
    expect(frozen).toEqual(before);
    expect(orders).toEqual(before);
  });

  it('gives the same findings and ids across runs and input orders', () => {
    const orders = scenario();
    const first = runAudit(orders, { checkTracking }).findings;
    expect(runAudit(orders, { checkTracking }).findings).toEqual(first);
    expect(runAudit(shuffled(orders, 7), { checkTracking }).findings).toEqual(first);
    expect(runAudit(shuffled(orders, 99).reverse(), { checkTracking }).findings).toEqual(first);
    expect(new Set(first.map((f) => f.id)).size).toBe(first.length);
  });

  it('takes thresholds from the options', () => {
    const thresholds = { ...AUDIT_THRESHOLDS, samePhone: { ...AUDIT_THRESHOLDS.samePhone, minOrders: 4 } };
    const rules = runAudit(scenario(), { thresholds }).findings.map((f) => f.rule);
    expect(rules).not.toContain('samePhone');
    expect(rules).toContain('sameIp');
  });
});

describe('findingId', () => {
  it('is stable, distinct per rule and key, and does not spell out the key', () => {
    expect(findingId('samePhone', '13800001234')).toBe(findingId('samePhone', '13800001234'));
    expect(findingId('samePhone', '13800001234')).not.toBe(findingId('samePhone', '13800001235'));
    expect(findingId('samePhone', 'k')).not.toBe(findingId('sameIp', 'k'));
    expect(findingId('samePhone', '13800001234')).toMatch(/^samePhone-[0-9a-f]{28}$/);
  });
});
