import type { OrderRecord } from '@/lib/orders/types';
import { contactCoverage, type ContactCoverage } from './contact-coverage';
import { compareFindings } from './finding';
import { amountOutlier } from './rules/amount-outlier';
import { burstDay, burstHour } from './rules/burst';
import { sameAddress, sameIp, samePhone } from './rules/same-contact';
import { paidBeforeCreated, shippedBeforePaid, signedBeforeShipped, signedTooFast } from './rules/timeline';
import { trackingFormat, trackingMissing, trackingShared } from './rules/tracking';
import { AUDIT_THRESHOLDS } from './thresholds';
import type { AuditContext, Finding, Rule, RuleId } from './types';

/** Every rule by id; `satisfies` makes adding a RuleId without its rule a type error. */
export const RULES = {
  signedBeforeShipped,
  shippedBeforePaid,
  paidBeforeCreated,
  signedTooFast,
  trackingShared,
  trackingFormat,
  trackingMissing,
  samePhone,
  sameIp,
  sameAddress,
  burstDay,
  burstHour,
  amountOutlier,
} satisfies Record<RuleId, Rule>;

export type AuditOptions = Partial<AuditContext>;

export type AuditResult = {
  findings: Finding[];
  stats: { orders: number; durationMs: number; contacts: ContactCoverage };
};

/**
 * Runs every rule over the merchant's orders and lists what a risk model would notice, most serious
 * first. A report, never a filter: the input is read, never changed or reordered, and nothing is
 * dropped (a burst a promotion explains is still listed, marked as explained).
 */
export function runAudit(orders: readonly OrderRecord[], options: AuditOptions = {}): AuditResult {
  const started = performance.now();
  const ctx: AuditContext = { ...options, thresholds: options.thresholds ?? AUDIT_THRESHOLDS };
  const findings = Object.values(RULES)
    .flatMap((rule) => rule(orders, ctx))
    .sort(compareFindings);
  return { findings, stats: { orders: orders.length, durationMs: performance.now() - started, contacts: contactCoverage(orders) } };
}
