import { EXHIBIT_LETTER, isEvidenceCategory } from '@/lib/evidence/categories';
import { checklistStatus, combinedChecklist, isPlatformId, type AccusationKind, type ChecklistExhibit, type FlaggedOrder, type RequirementStatus } from '@/lib/platforms';

/** An evidence row as the query reads it. */
export type ChecklistEvidenceRow = { id: string; category: string; position: number };
/** A flagged order and the ids of the evidence linked to it. */
export type ChecklistOrderRow = { orderNo: string; evidenceIds: readonly string[] };

/** The exhibit id the bundle prints for a file (B-001), as the evidence step shows it. */
export function exhibitLabel(row: ChecklistEvidenceRow): string {
  return isEvidenceCategory(row.category) ? `${EXHIBIT_LETTER[row.category]}-${String(row.position).padStart(3, '0')}` : row.id;
}

/**
 * The case's checklist with each requirement's state, or null when there is none to show: no
 * accusation picked yet, or a platform we do not know. Until the merchant can tick which requirement
 * a file answers, every exhibit answers what its category answers by default.
 */
export function caseChecklist(
  platform: string,
  accusations: readonly AccusationKind[],
  evidence: readonly ChecklistEvidenceRow[],
  flagged: readonly ChecklistOrderRow[],
): RequirementStatus[] | null {
  if (accusations.length === 0 || !isPlatformId(platform)) return null;
  // A file whose category is unknown (an older row) answers nothing rather than breaking the list.
  const exhibits: ChecklistExhibit[] = evidence.flatMap((row) =>
    isEvidenceCategory(row.category) ? [{ id: row.id, label: exhibitLabel(row), category: row.category }] : [],
  );
  const orders: FlaggedOrder[] = flagged.map((o) => ({ orderNo: o.orderNo, exhibitIds: o.evidenceIds }));
  return checklistStatus(combinedChecklist(platform, accusations), exhibits, orders);
}

/** Requirements the review warns about: not met (missing or only partly), and not optional support. */
export function unmetRequirements(statuses: readonly RequirementStatus[] | null): RequirementStatus[] {
  return (statuses ?? []).filter((s) => !s.item.optional && (s.state === 'missing' || s.state === 'partly'));
}
