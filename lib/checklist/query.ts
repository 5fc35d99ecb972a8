import 'server-only';
import { cache } from 'react';
import { accusationKinds } from '@/lib/cases/snapshot';
import { db } from '@/lib/db/client';
import type { RequirementStatus } from '@/lib/platforms';
import { offThread } from '@/lib/jobs/tasks';
import { parseChecklistReasons } from '@/lib/schemas/checklist';
import { caseChecklist } from './case-status';

/**
 * The case's checklist as the evidence and review steps show it (null: nothing to show yet). Reads
 * three small projections: the case's platform, accusations and reasons, its files' categories and
 * ticks, and which files each flagged order has linked.
 */
export async function loadCaseChecklist(caseId: string): Promise<RequirementStatus[] | null> {
  const found = await db.case.findUnique({ where: { id: caseId }, select: { platform: true, accusations: true, checklistReasons: true } });
  if (!found) return null;
  const accusations = accusationKinds(found);
  if (accusations.length === 0) return null;
  const [evidence, flagged] = await Promise.all([
    db.evidence.findMany({ where: { caseId }, select: { id: true, category: true, position: true, requirementIds: true }, orderBy: [{ category: 'asc' }, { position: 'asc' }] }),
    db.order.findMany({ where: { caseId, flagged: true }, select: { orderNo: true, evidence: { select: { evidenceId: true } } }, orderBy: { orderNo: 'asc' } }),
  ]);
  return caseChecklist(
    found.platform,
    accusations,
    evidence,
    flagged.map((o) => ({ orderNo: o.orderNo, evidenceIds: o.evidence.map((l) => l.evidenceId) })),
    parseChecklistReasons(found.checklistReasons),
  );
}

/** Flagged orders read in place; above this the links of every flagged order are read on a task thread. */
const IN_PLACE_FLAGGED = 2_000;

/**
 * The checklist for the navigator and the steps: in place for an ordinary case (a few queries), on
 * a task thread for one with thousands of flagged orders, whose links take hundreds of milliseconds
 * to read. Task threads can be busy with a preview: most pages should not wait for them. Read once
 * per request: the layout's navigator and the evidence step both ask.
 */
export const caseChecklistNow = cache(async (caseId: string): Promise<RequirementStatus[] | null> => {
  const flagged = await db.order.count({ where: { caseId, flagged: true } });
  return flagged > IN_PLACE_FLAGGED ? offThread('caseChecklist', caseId) : loadCaseChecklist(caseId);
});
