import type { OrderRecord } from '@/lib/orders/types';
import type { Province } from './province';
import type { AuditThresholds } from './thresholds';

/**
 * Every rule, in the order findings of the same severity are listed: the signals platforms name
 * outright (logistics, then shared contacts) before the statistical ones.
 */
export const RULE_IDS = [
  'signedBeforeShipped',
  'shippedBeforePaid',
  'paidBeforeCreated',
  'signedTooFast',
  'trackingShared',
  'trackingFormat',
  'trackingMissing',
  'samePhone',
  'sameIp',
  'sameAddress',
  'burstDay',
  'burstHour',
  'amountOutlier',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/**
 * Why a platform's risk model looks at each signal. English source text for developers and
 * translators; the UI shows its own translated message built from `rule` and `params`.
 */
export const RULE_WHY: Record<RuleId, string> = {
  signedBeforeShipped: 'A parcel cannot be signed for before it ships: the logistics record was written, not travelled.',
  shippedBeforePaid: 'Goods are shipped after payment; the reverse suggests the order and its waybill were staged.',
  paidBeforeCreated: 'Payment cannot precede the order; the platform treats inconsistent records as edited data.',
  signedTooFast: 'A sign-off within hours of shipping, without same-city delivery, points to an empty or fake parcel.',
  trackingShared: 'One waybill carries one parcel: several orders on one number is the reused-waybill pattern platforms name.',
  trackingFormat: "A number in none of its carrier's known formats may be mistyped or invented; formats change, so it is a note to check, not a warning.",
  trackingMissing: 'A paid order with no waybill past the shipping deadline looks like an order that never needed shipping.',
  samePhone: 'Order rings reuse a few phone numbers; many orders to one phone in a short time looks like a controlled account.',
  sameIp: 'Platforms name frequent orders from the same device or IP as a fake-transaction signal.',
  sameAddress: 'Many orders to one address in a short time looks like goods going back to the seller or a ring.',
  burstDay: "A day far above the shop's usual volume is what bought orders look like, unless a promotion explains it.",
  burstHour: "An hour far above the shop's usual pace suggests orders placed in a batch, unless a promotion explains it.",
  amountOutlier: 'A price far from what other buyers paid for the same item suggests a special link or refunded difference.',
};

/**
 * `info` is a note, not a warning: something worth a second look that a risk model would not act on
 * alone (a waybill in a format we have not seen for its carrier). It should not go into the bundle
 * unless the merchant chooses to.
 */
export type Severity = 'high' | 'medium' | 'low' | 'info';
export const SEVERITIES = ['high', 'medium', 'low', 'info'] as const satisfies readonly Severity[];

export type Finding = {
  /** Stable across re-runs and input order (hash of rule + key), so an explanation stays attached. */
  id: string;
  rule: RuleId;
  severity: Severity;
  orderNos: string[];
  /** Values for the translated message (count, windowHours, value, median …). */
  params: Record<string, string | number | boolean>;
  /** Set on bursts: a promotion the merchant declared overlaps it. The finding is reported anyway. */
  explainedByPromotion?: boolean;
};

/** Injected so this library does not depend on lib/logistics (and tests can stub it). */
export type TrackingCheck = (input: { trackingNo: string; carrierName?: string }) => {
  status: 'ok' | 'formatMismatch' | 'unknownCarrier' | 'empty';
};

export type Promotion = { start: Date; end: Date };

export type AuditContext = {
  thresholds: AuditThresholds;
  /** Without it the format rule is skipped (nothing to check against). */
  checkTracking?: TrackingCheck;
  promotions?: readonly Promotion[];
  /**
   * "Now" for the shipping-deadline rule. Defaults to the latest time in the data, i.e. roughly when
   * the export was taken, so the same file always gives the same findings.
   */
  asOf?: Date;
  /** Where the shop ships from, for the distance in signedTooFast; unknown when absent. */
  shipFromProvince?: Province;
  /** Minutes east of UTC for day and hour buckets; China is +480. */
  utcOffsetMinutes?: number;
};

export type Rule = (orders: readonly OrderRecord[], ctx?: AuditContext) => Finding[];
