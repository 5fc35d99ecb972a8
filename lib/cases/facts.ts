import 'server-only';
import { auditProgress } from '@/lib/audit/audit-job';
import { unmetRequirements } from '@/lib/checklist/case-status';
import { caseChecklistNow } from '@/lib/checklist/query';
import { db } from '@/lib/db/client';
import { caseExhibits } from '@/lib/statement/exhibits';
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
  // The stored audit's summary, or pending while a job (re)computes it; without orders nothing runs.
  const audit = orderCount > 0 ? await auditProgress(caseId) : { groups: 0, answered: 0, pending: false };
  const checklistUnmet = unmetRequirements(await caseChecklistNow(caseId)).map((s) => ({ id: s.item.id, state: s.state === 'partly' ? ('partly' as const) : ('missing' as const) }));
  const exhibits = await caseExhibits(caseId);
  return { orderCount, flaggedCount, flaggedWithTracking, flaggedWithEvidence, evidenceCount, auditGroups: audit.groups, auditAnswered: audit.answered, auditPending: audit.pending, checklistUnmet, exhibits };
}
