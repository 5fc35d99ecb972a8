import 'server-only';
import { db } from '@/lib/db/client';

/** The case's evidence in bundle order (category, then position), each with the order numbers it proves. */
export function listEvidence(caseId: string) {
  return db.evidence.findMany({
    where: { caseId },
    orderBy: [{ category: 'asc' }, { position: 'asc' }],
    include: { orders: { select: { order: { select: { orderNo: true } } } } },
  });
}
