/**
 * Every number the audit rules compare against, in one place, so a test or a later settings screen
 * can override any of them. Values are judgement calls, not platform rules: no platform publishes
 * its risk model (see /work/shared/PLATFORMS.md), so each carries the reason it was chosen.
 */
export type ContactThreshold = {
  /** Orders needed inside the window before the cluster is reported. */
  minOrders: number;
  windowHours: number;
  /** Orders in one cluster from which the finding is raised one severity level. */
  escalateAtOrders: number;
};

export type AuditThresholds = {
  samePhone: ContactThreshold;
  sameAddress: ContactThreshold;
  sameIp: ContactThreshold;
  amountOutlier: {
    minGroupSize: number;
    maxAbsZ: number;
    minRelativeDeviation: number;
    mediumAtRelativeDeviation: number;
  };
  burst: {
    minSpanDays: number;
    dayMultiple: number;
    dayMinOrders: number;
    hourMultiple: number;
    hourMinOrders: number;
  };
  tracking: { shipWithinDays: number; sharedMinOrders: number };
  timeline: { toleranceMinutes: number; minShipToSignHours: number; crossProvinceMinShipToSignHours: number };
};

export const AUDIT_THRESHOLDS: AuditThresholds = {
  // 3+ orders to one phone within 24 h: a household rarely orders that often; rings reuse a few phones.
  // 6+ is no longer a busy family but a number shared by many "buyers".
  samePhone: { minOrders: 3, windowHours: 24, escalateAtOrders: 6 },
  // Same reasoning as phones, but offices, dormitories and parcel lockers legitimately share an
  // address, so the same counts start one severity level lower (see the rule).
  sameAddress: { minOrders: 3, windowHours: 24, escalateAtOrders: 6 },
  // Mobile networks put many subscribers behind one public IP, and one buyer may place two or
  // three separate orders in a session: a higher count over a shorter window before we say anything.
  sameIp: { minOrders: 4, windowHours: 6, escalateAtOrders: 8 },
  amountOutlier: {
    // Below 8 orders of an item, two unusual orders already move the median: no baseline to speak of.
    minGroupSize: 8,
    // 3.5 is the cut-off Iglewicz and Hoaglin recommend for the modified z-score.
    maxAbsZ: 3.5,
    // Coupons of 20–30 % are everyday; only a price at most half, or at least 1.5×, the usual one
    // is worth a merchant's attention, whatever the z-score says (it explodes when prices barely vary).
    minRelativeDeviation: 0.5,
    // Paying a fifth of the usual price (or 1.8× it) is the pattern of low-price "brush" links.
    mediumAtRelativeDeviation: 0.8,
  },
  burst: {
    // Fewer than 7 days give no weekly rhythm to compare against: no baseline, no burst findings.
    minSpanDays: 7,
    // 3× the median day: ordinary weekday/weekend swings stay below it.
    dayMultiple: 3,
    // Under 20 orders a day is not a burst a risk model would notice, whatever the ratio.
    dayMinOrders: 20,
    // Evening peak hours reach 2–3× the average hour (median day / 24); 6× is twice that.
    hourMultiple: 6,
    // 10 orders in one hour: below that, a single group chat sharing a link explains it.
    hourMinOrders: 10,
  },
  tracking: {
    // Platforms' default shipping deadlines are 48–72 h after payment: 3 days without a waybill
    // means late or never shipped.
    shipWithinDays: 3,
    // A waybill carries one parcel; any second order on it is reuse (or a merged shipment, which
    // the rule recognises by recipient).
    sharedMinOrders: 2,
  },
  timeline: {
    // Exports truncate times to the minute and ERP/courier clocks drift a few minutes: a smaller
    // inversion proves nothing.
    toleranceMinutes: 5,
    // We know only the buyer's address, not where the shop ships from, so we cannot tell same-city
    // orders apart. One conservative threshold: same-city couriers can deliver within a few hours of
    // pickup, so only a sign-off faster than 3 h is reported (intercity parcels take 12 h or more).
    minShipToSignHours: 3,
    // When the merchant says where the shop ships from and the buyer's province differs, the parcel
    // crossed a provincial border: even same-day services between neighbouring provinces (the
    // Yangtze delta's 即日达) take most of a working day, so under 6 h is implausible.
    crossProvinceMinShipToSignHours: 6,
  },
};
