import 'server-only';
import { db } from '@/lib/db/client';
import { cachedAudit } from './audit-cache';
import { groupFindings, type NoteView, type RuleGroup } from './groups';

export type AuditNoteView = NoteView;

/**
 * The self-audit of a case as the page, the orders filter, the completion and the bundle read it:
 * the (cached) findings grouped by rule, with the merchant's rule-wide explanations and per-finding
 * overrides resolved, and which of each finding's orders the platform flagged. Notes and flags are
 * read fresh on every call; only the rules' run is cached. Seconds of CPU when the cache is stale:
 * worker threads only (lib/jobs/tasks.ts).
 */
export async function runCaseAudit(caseId: string) {
  const [audit, { shipFromProvince, promotions }, notes, flagged] = await Promise.all([
    cachedAudit(caseId),
    auditSettings(caseId),
    db.auditNote.findMany({ where: { caseId }, select: { findingId: true, explanation: true, include: true } }),
    db.order.findMany({ where: { caseId, flagged: true }, select: { orderNo: true } }),
  ]);
  const noteById = new Map(notes.map((n) => [n.findingId, { explanation: n.explanation, include: n.include }]));
  const groups: RuleGroup[] = groupFindings(audit.findings, noteById, new Set(flagged.map((o) => o.orderNo)));
  return {
    groups,
    findingCount: audit.findings.length,
    promotions,
    shipFromProvince,
    stats: audit.stats,
    fromCache: audit.fromCache,
  };
}
export type CaseAudit = Awaited<ReturnType<typeof runCaseAudit>>;

/** Every order number some finding names (the orders list's "with findings" filter). */
export async function orderNosWithFindings(caseId: string): Promise<Set<string>> {
  const { findings } = await cachedAudit(caseId);
  return new Set(findings.flatMap((f) => f.orderNos));
}

/** What the merchant set for the audit: shown (and editable) while the audit itself runs. */
export async function auditSettings(caseId: string) {
  const [c, promotions] = await Promise.all([
    db.case.findUniqueOrThrow({ where: { id: caseId }, select: { shipFromProvince: true } }),
    db.promotion.findMany({ where: { caseId }, orderBy: { startsOn: 'asc' } }),
  ]);
  return { shipFromProvince: c.shipFromProvince, promotions };
}
