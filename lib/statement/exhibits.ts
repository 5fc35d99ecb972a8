import 'server-only';
import { db } from '@/lib/db/client';
import { EVIDENCE_CATEGORIES, EXHIBIT_LETTER, isEvidenceCategory, type EvidenceCategory } from '@/lib/evidence/categories';
import { plainDisplayText, safeDisplayName } from '@/lib/evidence/inspect/file-name';
import { formatExhibitId } from './references';
import type { ExhibitInfo } from './resolve';

export type PickableExhibit = ExhibitInfo & { category: EvidenceCategory };

/** The case's exhibits as references name them, in bundle order (category, then position), with their current ids. */
export async function caseExhibits(caseId: string): Promise<PickableExhibit[]> {
  const rows = await db.evidence.findMany({ where: { caseId }, select: { id: true, category: true, position: true, title: true, originalName: true, uploadedAt: true } });
  const rank = (c: string) => EVIDENCE_CATEGORIES.indexOf(c as EvidenceCategory);
  return rows
    .filter((r) => isEvidenceCategory(r.category))
    .sort((a, b) => rank(a.category) - rank(b.category) || a.position - b.position || a.uploadedAt.getTime() - b.uploadedAt.getTime())
    .map((r) => {
      const category = r.category as EvidenceCategory;
      return { evidenceId: r.id, exhibitId: formatExhibitId(EXHIBIT_LETTER[category], r.position), title: plainDisplayText(r.title) || safeDisplayName(r.originalName), category };
    });
}

/** The flagged orders' numbers, for the picker: the orders a statement talks about. */
export async function flaggedOrderNumbers(caseId: string): Promise<string[]> {
  const rows = await db.order.findMany({ where: { caseId, flagged: true }, select: { orderNo: true }, orderBy: [{ orderedAt: 'asc' }, { orderNo: 'asc' }] });
  return rows.map((r) => r.orderNo);
}
