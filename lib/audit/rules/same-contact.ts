import { defaultContext, makeFinding, raise, round2 } from '../finding';
import { groupBy, HOUR_MS, normaliseText, orderIndex, type TimedOrder } from '../order-index';
import type { ContactThreshold } from '../thresholds';
import type { AuditContext, Finding, Rule, Severity } from '../types';

type ContactSpec = {
  rule: 'samePhone' | 'sameAddress' | 'sameIp';
  field: 'buyerPhone' | 'address' | 'ip';
  base: Severity;
  pick: (ctx: AuditContext) => ContactThreshold;
  /** Values too coarse to identify one recipient are left out rather than reported as a match. */
  usable?: (normalised: string) => boolean;
};

// Imports keep only province/city/district unless the merchant keeps the street, and thousands of
// honest buyers share a district. An address says "one place" only with a house number, a room,
// a lane or a village in it.
const STREET_LEVEL = /[0-9]|号|室|栋|幢|弄|巷|单元|村/;

/**
 * Many orders sharing one contact value within a short window. Time-sorted sliding window per
 * value; overlapping windows merge into one cluster, so a phone used every day for a month is one
 * finding (its `count` and `spanHours` tell the story), not thirty.
 */
function contactRule(spec: ContactSpec): Rule {
  return (orders, ctx = defaultContext()) => {
    const { minOrders, windowHours, escalateAtOrders } = spec.pick(ctx);
    const windowMs = windowHours * HOUR_MS;
    const groups = groupBy(orderIndex(orders, ctx).timed, ({ order }) => {
      const value = normaliseText(order[spec.field]);
      return value && (!spec.usable || spec.usable(value)) ? value : undefined;
    });
    const findings: Finding[] = [];
    for (const [value, list] of groups) {
      if (list.length < minOrders) continue;
      for (const cluster of clusters(list, windowMs, minOrders)) {
        const members = list.slice(cluster.start, cluster.end + 1);
        const first = members[0] as TimedOrder;
        const last = members[members.length - 1] as TimedOrder;
        const raw = first.order[spec.field] ?? value;
        findings.push(
          makeFinding(
            spec.rule,
            `${value}\u0000${first.order.orderNo}`,
            members.length >= escalateAtOrders ? raise(spec.base) : spec.base,
            members.map(({ order }) => order.orderNo),
            {
              count: members.length,
              maxInWindow: cluster.maxInWindow,
              windowHours,
              spanHours: round2((last.t - first.t) / HOUR_MS),
              value: raw,
              // Masked values (138****5678) can hide different numbers: the UI says so.
              masked: raw.includes('*'),
            },
          ),
        );
      }
    }
    return findings;
  };
}

type Cluster = { start: number; end: number; maxInWindow: number };

/** Two pointers over a time-sorted list: O(n) however many orders share a value. */
function clusters(list: readonly TimedOrder[], windowMs: number, minOrders: number): Cluster[] {
  const out: Cluster[] = [];
  let i = 0;
  for (let j = 0; j < list.length; j++) {
    const tj = (list[j] as TimedOrder).t;
    while (tj - (list[i] as TimedOrder).t > windowMs) i++;
    const size = j - i + 1;
    if (size < minOrders) continue;
    const prev = out[out.length - 1];
    if (prev && i <= prev.end) {
      prev.end = j;
      prev.maxInWindow = Math.max(prev.maxInWindow, size);
    } else out.push({ start: i, end: j, maxInWindow: size });
  }
  return out;
}

export const samePhone = contactRule({
  rule: 'samePhone',
  field: 'buyerPhone',
  base: 'medium',
  pick: (ctx) => ctx.thresholds.samePhone,
});

// Households, offices and dormitories share addresses honestly: one level below phones.
export const sameAddress = contactRule({
  rule: 'sameAddress',
  field: 'address',
  base: 'low',
  pick: (ctx) => ctx.thresholds.sameAddress,
  usable: (address) => STREET_LEVEL.test(address),
});

export const sameIp = contactRule({
  rule: 'sameIp',
  field: 'ip',
  base: 'medium',
  pick: (ctx) => ctx.thresholds.sameIp,
});

/** Exported for tests of the address heuristic. */
export function isStreetLevel(address: string): boolean {
  return STREET_LEVEL.test(normaliseText(address));
}
