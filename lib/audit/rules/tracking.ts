import type { OrderRecord } from '@/lib/orders/types';
import { compareText, defaultContext, durationParams, makeFinding } from '../finding';
import { DAY_MS, groupBy, ms, orderIndex } from '../order-index';
import type { Finding, Rule, Severity } from '../types';
import { contactKey, phoneKey } from './contact-value';
import { shouldShip, statusSaysShipped, wasRefunded } from './status-policy';

/**
 * The waybill numbers in an order's tracking cell. Split shipments put several in one cell; exports
 * write "无", "-" or "0" for none, so anything with fewer than 6 letters or digits is no number.
 */
export function trackingNumbers(order: OrderRecord): string[] {
  const raw = order.trackingNo;
  if (!raw) return [];
  // Nearly every cell is one plain ASCII number: skip normalising and splitting it.
  if (PLAIN.test(raw)) return raw.length >= 6 ? [raw.toUpperCase()] : [];
  return raw
    .normalize('NFKC')
    .split(/[,;，；/、]+/)
    .map((part) => part.replace(/\s+/g, '').toUpperCase())
    .filter((part) => (part.match(/[0-9A-Z]/g)?.length ?? 0) >= 6);
}

const PLAIN = /^[0-9A-Za-z]+$/;

/** Latest time anywhere in the data: roughly when the export was taken. */
function latestTime(orders: readonly OrderRecord[]): number {
  let latest = -Infinity;
  for (const o of orders) {
    for (const d of [o.createdAt, o.paidAt, o.shippedAt, o.signedAt]) latest = Math.max(latest, ms(d) ?? -Infinity);
  }
  return latest;
}

/**
 * Orders that should have shipped but carry no waybill: marked shipped or signed for, by a time
 * column or by the platform's status (medium), or paid longer ago than the shipping deadline (low:
 * it may also have been cancelled, which exports without a status column do not say). Unpaid,
 * closed and refunded orders never needed a parcel (status-policy.ts). The age is counted from
 * payment only where the data shows one; otherwise from the order, and the message says "ordered".
 */
export const trackingMissing: Rule = (orders, ctx = defaultContext()) => {
  const withTracking = new Set(orders.filter((o) => trackingNumbers(o).length > 0).map((o) => o.orderNo));
  const asOf = ms(ctx.asOf) ?? latestTime(orders);
  const shipWithinDays = ctx.thresholds.tracking.shipWithinDays;
  const deadline = asOf - shipWithinDays * DAY_MS;
  const findings: Finding[] = [];
  for (const o of orderIndex(orders, ctx).distinct) {
    if (withTracking.has(o.orderNo) || !shouldShip(o)) continue;
    const marked = ms(o.shippedAt) !== undefined || ms(o.signedAt) !== undefined || statusSaysShipped(o);
    const paid = ms(o.paidAt);
    const since = paid ?? ms(o.createdAt);
    if (!marked && (since === undefined || since >= deadline)) continue;
    const age = since === undefined ? 0 : asOf - since;
    const params: Finding['params'] = {
      reason: marked ? 'markedShipped' : 'overdue',
      shipWithinDays,
      status: o.status ?? '',
      since: paid !== undefined ? 'paid' : 'ordered',
      ageDays: Math.floor(age / DAY_MS),
      ...durationParams(age, 'age'),
    };
    findings.push(makeFinding('trackingMissing', o.orderNo, marked ? 'medium' : 'low', [o.orderNo], params));
  }
  // No waybill on any order means the export lacks the column, not that nothing shipped: one
  // finding asking for it instead of thousands that all say the same thing.
  if (withTracking.size === 0 && findings.length > 0) {
    const orderNos = findings.flatMap((f) => f.orderNos);
    return [makeFinding('trackingMissing', 'noneInExport', 'low', orderNos, { count: orderNos.length, noneInExport: true, reason: 'noneInExport' })];
  }
  return findings;
};

/** Who receives the parcel, where the export tells us; masked and encrypted values tell nothing. */
function recipient(o: OrderRecord): string {
  return phoneKey(o.buyerPhone) ?? contactKey('address', o.address) ?? '';
}

/** How many order numbers a message spells out before "and N more". */
const LISTED_ORDERS = 5;

/**
 * Several orders on one waybill: reuse when recipients differ, likely a merged shipment when they
 * match. Every status counts: a waybill reused for a ring's orders is on record whether or not the
 * money was refunded afterwards (the message says how many were).
 */
export const trackingShared: Rule = (orders, ctx = defaultContext()) => {
  const rows = orders
    .flatMap((order) => trackingNumbers(order).map((trackingNo) => ({ order, trackingNo })))
    .sort((a, b) => compareText(a.trackingNo, b.trackingNo) || compareText(a.order.orderNo, b.order.orderNo));
  const findings: Finding[] = [];
  for (const [trackingNo, all] of groupBy(rows, (r) => r.trackingNo)) {
    const group = all.filter((r, i) => r.order.orderNo !== all[i - 1]?.order.orderNo);
    if (group.length < ctx.thresholds.tracking.sharedMinOrders) continue;
    const recipients = group.map((r) => recipient(r.order));
    const known = recipients.every(Boolean);
    const same = known && recipients.every((r) => r === recipients[0]);
    const severity: Severity = !known ? 'medium' : same ? 'low' : 'high';
    findings.push(
      makeFinding('trackingShared', trackingNo, severity, group.map((r) => r.order.orderNo), {
        trackingNo,
        count: group.length,
        orderList: group.slice(0, LISTED_ORDERS).map((r) => r.order.orderNo).join(', '),
        moreOrders: Math.max(0, group.length - LISTED_ORDERS),
        refundedCount: group.filter((r) => wasRefunded(r.order)).length,
        recipientsKnown: known,
        sameRecipient: same,
      }),
    );
  }
  return findings;
};

/**
 * Waybills the injected carrier check rejects: an informational note, not a warning. Carriers add
 * formats without notice and our tables come partly from observed data, so a number outside them
 * is worth checking against the label, not evidence (and not pre-selected for the bundle). Unknown
 * carriers are not reported: nothing is known against them. Every status is checked: a number is
 * a number whatever happened to the order.
 */
export const trackingFormat: Rule = (orders, ctx = defaultContext()) => {
  const check = ctx.checkTracking;
  if (!check) return [];
  // Many orders share a carrier and some a number: ask the checker once per pair.
  const cache = new Map<string, boolean>();
  const findings = new Map<string, Finding>();
  for (const order of orders) {
    const carrierName = order.carrier?.trim() || undefined;
    for (const trackingNo of trackingNumbers(order)) {
      const cacheKey = `${trackingNo}\u0000${carrierName ?? ''}`;
      let bad = cache.get(cacheKey);
      if (bad === undefined) {
        bad = check({ trackingNo, carrierName }).status === 'formatMismatch';
        cache.set(cacheKey, bad);
      }
      if (!bad) continue;
      const params = { trackingNo, carrier: carrierName ?? '' };
      const finding = makeFinding('trackingFormat', `${order.orderNo}\u0000${trackingNo}`, 'info', [order.orderNo], params);
      findings.set(finding.id, finding);
    }
  }
  return [...findings.values()];
};
