import 'server-only';
import { lockCase } from '@/lib/db/case-lock';
import { db } from '@/lib/db/client';
import { isEvidenceCategory } from '@/lib/evidence/categories';
import { ACCUSATION_KINDS, combinedChecklist, isPlatformId, type RequirementId } from '@/lib/platforms';
import { parseChecklistReasons, parseRequirementIds } from '@/lib/schemas/checklist';

/** What a file of this category answers by default on this platform, whatever accusation is picked. */
export function categoryDefaults(platform: string, category: string): RequirementId[] {
  if (!isPlatformId(platform) || !isEvidenceCategory(category)) return [];
  return combinedChecklist(platform, ACCUSATION_KINDS).filter((item) => item.categories.includes(category)).map((item) => item.id);
}

/**
 * Stores which requirements a file answers. The form lists only the current accusations'
 * requirements: what the file answers for the others (ticked earlier, or by its category) is kept,
 * so changing the accusations later does not silently undo a tick. False: no such file in the case.
 */
export async function saveRequirementTicks(
  caseId: string,
  evidenceId: string,
  choice: { mode: 'default' | 'custom'; ticked: readonly RequirementId[]; shown: readonly RequirementId[] },
): Promise<boolean> {
  const evidence = await db.evidence.findFirst({ where: { id: evidenceId, caseId }, select: { category: true, requirementIds: true, case: { select: { platform: true } } } });
  if (!evidence) return false;
  let stored: string | null = null;
  if (choice.mode === 'custom') {
    const before = parseRequirementIds(evidence.requirementIds) ?? categoryDefaults(evidence.case.platform, evidence.category);
    const shown = new Set(choice.shown);
    const kept = before.filter((id) => !shown.has(id));
    stored = JSON.stringify([...new Set([...kept, ...choice.ticked.filter((id) => shown.has(id))])]);
  }
  await db.evidence.update({ where: { id: evidenceId }, data: { requirementIds: stored } });
  return true;
}

/** Sets or (with an empty reason) removes why a requirement cannot be provided. */
export async function saveChecklistReason(caseId: string, requirementId: RequirementId, reason: string): Promise<void> {
  // Two tabs saving reasons at once each rewrite the whole object: behind the case's lock, the second reads the first's.
  await db.$transaction(async (tx) => {
    await lockCase(tx, caseId);
    const found = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { checklistReasons: true } });
    const reasons = parseChecklistReasons(found.checklistReasons);
    if (reason) reasons[requirementId] = reason;
    else delete reasons[requirementId];
    await tx.case.update({ where: { id: caseId }, data: { checklistReasons: JSON.stringify(reasons) } });
  });
}
