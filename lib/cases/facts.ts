import 'server-only';
import { db } from '@/lib/db/client';
import type { CaseFacts } from './snapshot';

/** What the case's other tables contribute to its progress and review. */
export async function caseFacts(caseId: string): Promise<CaseFacts> {
  const [orderCount, flaggedCount, flaggedWithTracking, evidenceCount] = await Promise.all([
    db.order.count({ where: { caseId } }),
    db.order.count({ where: { caseId, flagged: true } }),
    db.order.count({ where: { caseId, flagged: true, trackingNo: { not: null } } }),
    db.evidence.count({ where: { caseId } }),
  ]);
  return { orderCount, flaggedCount, flaggedWithTracking, evidenceCount };
}
