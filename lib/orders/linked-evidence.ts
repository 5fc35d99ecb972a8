import 'server-only';
import { db } from '@/lib/db/client';
import { COVERS, isEvidenceCategory } from '@/lib/evidence/categories';
import type { EvidenceKind } from './coverage';

/** For each order of the case, the kinds of proof its linked evidence gives (invoice, chat, …). */
export async function linkedKindsByOrder(caseId: string): Promise<Map<string, Set<EvidenceKind>>> {
  const links = await db.evidenceOrder.findMany({
    where: { evidence: { caseId } },
    select: { order: { select: { orderNo: true } }, evidence: { select: { category: true } } },
  });
  const byOrder = new Map<string, Set<EvidenceKind>>();
  for (const { order, evidence } of links) {
    const kind = isEvidenceCategory(evidence.category) ? COVERS[evidence.category] : undefined;
    if (!kind) continue;
    const kinds = byOrder.get(order.orderNo) ?? new Set<EvidenceKind>();
    kinds.add(kind);
    byOrder.set(order.orderNo, kinds);
  }
  return byOrder;
}
