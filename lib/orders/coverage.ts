import type { TrackingStatus } from '@/lib/logistics/detect';

/**
 * The kinds of proof a reviewer looks for behind each flagged order. Tracking
 * comes from the order itself; the others from uploaded evidence linked to
 * the order (the uploads issue fills `linkedKinds`).
 */
export const EVIDENCE_KINDS = ['tracking', 'logisticsProof', 'chat', 'invoice', 'review'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export type CoverageRow = { orderNo: string; has: Record<EvidenceKind, boolean>; missing: EvidenceKind[] };

/** What one order has and lacks. A tracking number only counts when it fits its carrier. */
export function coverageRow(orderNo: string, tracking: TrackingStatus, linkedKinds: ReadonlySet<EvidenceKind>): CoverageRow {
  const has = Object.fromEntries(EVIDENCE_KINDS.map((kind) => [kind, kind === 'tracking' ? tracking === 'ok' : linkedKinds.has(kind)])) as Record<EvidenceKind, boolean>;
  return { orderNo, has, missing: EVIDENCE_KINDS.filter((kind) => !has[kind]) };
}
