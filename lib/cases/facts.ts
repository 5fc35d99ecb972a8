import 'server-only';
import { auditProgress } from '@/lib/audit/case-audit';
import { db } from '@/lib/db/client';
import type { CaseFacts } from './snapshot';

/** What the case's other tables contribute to its progress and review. */
export async function caseFacts(caseId: string): Promise<CaseFacts> {
  const [orderCount, flaggedCount, flaggedWithTracking, flaggedWithEvidence, evidenceCount] = await Promise.all([
    db.order.count({ where: { caseId } }),
    db.order.count({ where: { caseId, flagged: true } }),
    db.order.count({ where: { caseId, flagged: true, trackingNo: { not: null } } }),
    db.order.count({ where: { caseId, flagged: true, evidence: { some: {} } } }),
    db.evidence.count({ where: { caseId } }),
  ]);
  // The audit goes through its cache; without orders there is nothing to run.
  const audit = orderCount > 0 ? await auditProgress(caseId) : { groups: 0, answered: 0 };
  return { orderCount, flaggedCount, flaggedWithTracking, flaggedWithEvidence, evidenceCount, auditGroups: audit.groups, auditAnswered: audit.answered };
}
