import 'server-only';
import { accusationKinds } from '@/lib/cases/snapshot';
import { loadCaseChecklist } from '@/lib/checklist/query';
import { db } from '@/lib/db/client';
import { EVIDENCE_CATEGORIES } from '@/lib/evidence/categories';
import type { AccusationKind, RequirementId, RequirementState, RequirementStatus } from '@/lib/platforms';

/** Uncovered order numbers the page names; past this, "and N more" (5,000 numbers would fill pages). */
export const UNCOVERED_SHOWN = 10;

/** One requirement as the bundle's checklist page prints it: plain values, so the fingerprint sees every change. */
export type ChecklistLine = {
  id: RequirementId;
  state: RequirementState;
  optional: boolean;
  /** The platform's rule it rests on; null: our default (the platform publishes no list). */
  source: { titles: readonly string[]; url?: string; date?: string; primary: boolean } | null;
  /** Exhibit ids (B-003) that answer it, in bundle order. */
  exhibitIds: string[];
  orders?: { covered: number; total: number; uncovered: string[] };
  reason?: string;
};

/** The checklist page's content; null leaves the page out (no accusation picked). */
export type BundleChecklist = { accusations: AccusationKind[]; lines: ChecklistLine[] };

/** The plain lines of a case's checklist statuses; the uncovered orders cut to the first few. */
export function checklistLines(statuses: readonly RequirementStatus[]): ChecklistLine[] {
  return statuses.map(({ item, state, exhibits, orders, reason }) => ({
    id: item.id,
    state,
    optional: item.optional === true,
    source: item.source ? { titles: item.source.document.titles, url: item.source.document.url, date: item.source.document.date, primary: item.source.document.primary } : null,
    // The bundle's order (category, then position), not the query's alphabetical one.
    exhibitIds: [...exhibits].sort((a, b) => EVIDENCE_CATEGORIES.indexOf(a.category) - EVIDENCE_CATEGORIES.indexOf(b.category) || a.label.localeCompare(b.label)).map((x) => x.label),
    ...(orders && { orders: { ...orders, uncovered: orders.uncovered.slice(0, UNCOVERED_SHOWN) } }),
    ...(reason && { reason }),
  }));
}

/** The case's checklist, read as the evidence step reads it, so the bundle and the app agree. */
export async function collectChecklist(caseId: string): Promise<BundleChecklist | null> {
  const [found, statuses] = await Promise.all([db.case.findUnique({ where: { id: caseId }, select: { accusations: true } }), loadCaseChecklist(caseId)]);
  if (!found || !statuses) return null;
  return { accusations: accusationKinds(found), lines: checklistLines(statuses) };
}
