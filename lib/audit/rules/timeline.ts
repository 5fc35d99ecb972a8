import type { OrderRecord } from '@/lib/orders/types';
import { defaultContext, durationParams, makeFinding, round2 } from '../finding';
import { HOUR_MS, ms, orderIndex } from '../order-index';
import { provinceOf } from '../province';
import type { Finding, Rule, RuleId, Severity } from '../types';

type TimeField = 'createdAt' | 'paidAt' | 'shippedAt' | 'signedAt';

// Statuses do not change these rules: the times are what the platform and the courier recorded, and
// an impossible sequence stays impossible whether the order was later completed, closed or refunded
// (a refund is no reason for a parcel signed before it shipped).

/**
 * A step recorded before the step it depends on (`later` before `earlier`) by more than the clock
 * tolerance. Orders missing either time are skipped: an absent column proves nothing.
 */
function inversion(rule: RuleId, earlier: TimeField, later: TimeField, severity: Severity): Rule {
  return (orders, ctx = defaultContext()) => {
    const toleranceMinutes = ctx.thresholds.timeline.toleranceMinutes;
    const findings: Finding[] = [];
    for (const o of orderIndex(orders, ctx).distinct) {
      const gapMs = gap(o, earlier, later);
      if (gapMs === undefined || gapMs >= -toleranceMinutes * 60_000) continue;
      findings.push(
        makeFinding(rule, o.orderNo, severity, [o.orderNo], {
          // How far the later step came first, in minutes: positive and readable.
          gapMinutes: round2(-gapMs / 60_000),
          ...durationParams(-gapMs, 'gap'),
          toleranceMinutes,
        }),
      );
    }
    return findings;
  };
}

/** `later - earlier` in ms, or undefined when either is unknown. */
function gap(o: OrderRecord, earlier: TimeField, later: TimeField): number | undefined {
  const a = ms(o[earlier]);
  const b = ms(o[later]);
  return a === undefined || b === undefined ? undefined : b - a;
}

// Payment and creation both come from the platform's own clock: an inversion is an edited or
// mis-mapped record rather than a faked order, hence medium.
export const paidBeforeCreated = inversion('paidBeforeCreated', 'createdAt', 'paidAt', 'medium');
export const shippedBeforePaid = inversion('shippedBeforePaid', 'paidAt', 'shippedAt', 'high');
export const signedBeforeShipped = inversion('signedBeforeShipped', 'shippedAt', 'signedAt', 'high');

/**
 * Signed for sooner after shipping than a parcel can travel that distance. When the merchant has
 * said which province the shop ships from and the buyer's address is in another one, the parcel
 * crossed a border and the longer threshold applies; otherwise (same province, or either end
 * unknown) only a sign-off faster than a same-city courier manages is reported (see thresholds.ts).
 * Inversions beyond the tolerance belong to signedBeforeShipped and are not counted twice.
 */
export const signedTooFast: Rule = (orders, ctx = defaultContext()) => {
  const { toleranceMinutes, minShipToSignHours, crossProvinceMinShipToSignHours } = ctx.thresholds.timeline;
  const findings: Finding[] = [];
  for (const o of orderIndex(orders, ctx).distinct) {
    const gapMs = gap(o, 'shippedAt', 'signedAt');
    const to = provinceOf(o.address);
    const distance = !ctx.shipFromProvince || !to ? 'unknown' : to === ctx.shipFromProvince ? 'sameProvince' : 'crossProvince';
    const threshold = distance === 'crossProvince' ? crossProvinceMinShipToSignHours : minShipToSignHours;
    if (gapMs === undefined || gapMs < -toleranceMinutes * 60_000 || gapMs >= threshold * HOUR_MS) continue;
    findings.push(
      makeFinding('signedTooFast', o.orderNo, 'medium', [o.orderNo], {
        hours: round2(Math.max(0, gapMs) / HOUR_MS),
        ...durationParams(Math.max(0, gapMs), 'gap'),
        minShipToSignHours: threshold,
        distance,
        from: ctx.shipFromProvince ?? '',
        to: to ?? '',
      }),
    );
  }
  return findings;
};
