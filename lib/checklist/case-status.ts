import { EXHIBIT_LETTER, isEvidenceCategory } from '@/lib/evidence/categories';
import { checklistStatus, combinedChecklist, isPlatformId, type AccusationKind, type ChecklistExhibit, type FlaggedOrder, type RequirementId, type RequirementStatus } from '@/lib/platforms';
import { parseRequirementIds } from '@/lib/schemas/checklist';

/** An evidence row as the query reads it; `requirementIds` as stored (JSON, null: the category's default). */
export type ChecklistEvidenceRow = { id: string; category: string; position: number; requirementIds?: string | null };
/** A flagged order and the ids of the evidence linked to it. */
export type ChecklistOrderRow = { orderNo: string; evidenceIds: readonly string[] };

/** The exhibit id the bundle prints for a file (B-001), as the evidence step shows it. */
export function exhibitLabel(row: ChecklistEvidenceRow): string {
  return isEvidenceCategory(row.category) ? `${EXHIBIT_LETTER[row.category]}-${String(row.position).padStart(3, '0')}` : row.id;
}

/**
 * The case's checklist with each requirement's state, or null when there is none to show: no
 * accusation picked yet, or a platform we do not know. A file answers what the merchant ticked, or
 * what its category answers until they tick; `reasons` are the merchant's "cannot provide" reasons.
 */
export function caseChecklist(
  platform: string,
  accusations: readonly AccusationKind[],
  evidence: readonly ChecklistEvidenceRow[],
  flagged: readonly ChecklistOrderRow[],
  reasons: Partial<Record<RequirementId, string>> = {},
): RequirementStatus[] | null {
  if (accusations.length === 0 || !isPlatformId(platform)) return null;
  // A file whose category is unknown (an older row) answers nothing rather than breaking the list.
  const exhibits: ChecklistExhibit[] = evidence.flatMap((row) =>
    isEvidenceCategory(row.category) ? [exhibitOf(row, row.category)] : [],
  );
  const orders: FlaggedOrder[] = flagged.map((o) => ({ orderNo: o.orderNo, exhibitIds: o.evidenceIds }));
  return checklistStatus(combinedChecklist(platform, accusations), exhibits, orders, reasons);
}

function exhibitOf(row: ChecklistEvidenceRow, category: ChecklistExhibit['category']): ChecklistExhibit {
  const requirementIds = parseRequirementIds(row.requirementIds ?? null);
  return { id: row.id, label: exhibitLabel(row), category, ...(requirementIds && { requirementIds }) };
}

/** Requirements the review warns about: not met (missing or only partly), and not optional support. */
export function unmetRequirements(statuses: readonly RequirementStatus[] | null): RequirementStatus[] {
  return (statuses ?? []).filter((s) => !s.item.optional && (s.state === 'missing' || s.state === 'partly'));
}
