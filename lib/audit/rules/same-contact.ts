import { defaultContext, durationParams, makeFinding, raise, round2 } from '../finding';
import { groupBy, HOUR_MS, normaliseText, paidTimed, type TimedOrder } from '../order-index';
import { contactKey } from './contact-value';
import { wasRefunded } from './status-policy';
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
 * Many paid orders sharing one contact value within a short window. Each reported group really
 * fits the window (its first and last order at most `windowHours` apart): a finding that said "120
 * orders within 655 hours (threshold 24 hours)" would contradict itself. Groups are cut greedily
 * from the earliest order, so a phone used on ten separate days gives ten findings, each anchored
 * (and identified) by its first order; `valueOrders` and `valueGroups` tell the whole story.
 * Masked and encrypted values identify nobody and never match (see contact-value.ts).
 */
function contactRule(spec: ContactSpec): Rule {
  return (orders, ctx = defaultContext()) => {
    const { minOrders, windowHours, escalateAtOrders } = spec.pick(ctx);
    const windowMs = windowHours * HOUR_MS;
    const keys = new Map<string, string | undefined>();
    const keyOf = (raw: string | undefined): string | undefined => {
      if (!raw) return undefined;
      if (keys.has(raw)) return keys.get(raw);
      const key = contactKey(spec.field, raw);
      const usable = key && (!spec.usable || spec.usable(key)) ? key : undefined;
      keys.set(raw, usable);
      return usable;
    };
    const groups = groupBy(paidTimed(orders, ctx), ({ order }) => keyOf(order[spec.field]));
    const findings: Finding[] = [];
    for (const [value, list] of groups) {
      if (list.length < minOrders) continue;
      const found = windowGroups(list, windowMs, minOrders);
      for (const members of found) {
        const first = members[0] as TimedOrder;
        const last = members[members.length - 1] as TimedOrder;
        const refunded = members.filter(({ order }) => wasRefunded(order)).length;
        findings.push(
          makeFinding(
            spec.rule,
            `${value}\u0000${first.order.orderNo}`,
            members.length >= escalateAtOrders ? raise(spec.base) : spec.base,
            members.map(({ order }) => order.orderNo),
            {
              count: members.length,
              maxInWindow: members.length,
              windowHours,
              spanHours: round2((last.t - first.t) / HOUR_MS),
              // At least a minute, so orders placed in the same minute read "within 1 minute".
              ...durationParams(Math.max(last.t - first.t, 60_000), 'span'),
              value: first.order[spec.field] ?? value,
              // Hidden values never reach this point; kept for the page, which still reads it.
              masked: false,
              refundedCount: refunded,
              valueOrders: list.length,
              valueGroups: found.length,
            },
          ),
        );
      }
    }
    return findings;
  };
}

/**
 * Greedy groups over a time-sorted list: from the earliest order not yet reported, take every order
 * within the window; report the group if it is big enough and continue after it, otherwise move
 * the start one order on. O(n); each order is in at most one group, and every group fits the window.
 */
export function windowGroups(list: readonly TimedOrder[], windowMs: number, minOrders: number): TimedOrder[][] {
  const out: TimedOrder[][] = [];
  let j = 0;
  for (let i = 0; i < list.length; ) {
    const start = (list[i] as TimedOrder).t;
    if (j < i) j = i;
    while (j + 1 < list.length && (list[j + 1] as TimedOrder).t - start <= windowMs) j++;
    if (j - i + 1 >= minOrders) {
      out.push(list.slice(i, j + 1));
      i = j + 1;
    } else i++;
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
