import 'server-only';
import { accusationKinds } from '@/lib/cases/snapshot';
import { db } from '@/lib/db/client';
import type { RequirementStatus } from '@/lib/platforms';
import { caseChecklist } from './case-status';

/**
 * The case's checklist as the evidence and review steps show it (null: nothing to show yet). Reads
 * three small projections: the case's platform and accusations, its files' categories, and which
 * files each flagged order has linked.
 */
export async function loadCaseChecklist(caseId: string): Promise<RequirementStatus[] | null> {
  const found = await db.case.findUnique({ where: { id: caseId }, select: { platform: true, accusations: true } });
  if (!found) return null;
  const accusations = accusationKinds(found);
  if (accusations.length === 0) return null;
  const [evidence, flagged] = await Promise.all([
    db.evidence.findMany({ where: { caseId }, select: { id: true, category: true, position: true }, orderBy: [{ category: 'asc' }, { position: 'asc' }] }),
    db.order.findMany({ where: { caseId, flagged: true }, select: { orderNo: true, evidence: { select: { evidenceId: true } } }, orderBy: { orderNo: 'asc' } }),
  ]);
  return caseChecklist(
    found.platform,
    accusations,
    evidence,
    flagged.map((o) => ({ orderNo: o.orderNo, evidenceIds: o.evidence.map((l) => l.evidenceId) })),
  );
}
