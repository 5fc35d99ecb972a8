import 'server-only';
import { db } from '@/lib/db/client';
import { AUDIT_JOB } from '@/lib/jobs/handlers';
import { jobRunner, threadsAvailable } from '@/lib/jobs/runner';
import type { JobContext } from '@/lib/jobs/types';
import { auditSummary, cachedAudit, summarise, type AuditSummary } from './audit-cache';
import { resolveNote, ruleNoteId, type NoteView } from './groups';

/** The job: compute and store the case's audit (nothing to do when the stored one is current). */
export async function runAuditJob({ caseId, progress }: JobContext) {
  await progress(0.05);
  const audit = await cachedAudit(caseId);
  return { orders: audit.stats.orders, findings: audit.findings.length };
}

export type AuditState = { ready: true; summary: AuditSummary } | { ready: false; status: string; progress: number };

/**
 * Whether the case's stored audit matches its orders, promotions and settings; if not, an audit
 * job is queued (or the one already queued is reported) and the page shows its progress. Outside
 * the server (unit tests, scripts) there are no worker threads and the audit runs in place.
 */
export async function auditState(caseId: string): Promise<AuditState> {
  const summary = await auditSummary(caseId);
  if (summary) return { ready: true, summary };
  if (!threadsAvailable()) return { ready: true, summary: summarise(await cachedAudit(caseId)) };
  const active = await db.job.findFirst({ where: { caseId, kind: AUDIT_JOB, status: { in: ['queued', 'running'] } }, orderBy: { createdAt: 'desc' } });
  if (active) return { ready: false, status: active.status, progress: active.progress };
  await jobRunner().enqueue(caseId, AUDIT_JOB);
  return { ready: false, status: 'queued', progress: 0 };
}

/**
 * Rule groups and how many are answered, from the summary and the merchant's notes: the same
 * rule as groupFindings (every finding explained, by its own note or the rule's, or left out).
 */
export function auditProgressFrom(summary: AuditSummary, notes: ReadonlyMap<string, NoteView>): { groups: number; answered: number } {
  const open = new Map<string, boolean>();
  for (const [id, rule, severity] of summary.findings) {
    if (open.get(rule)) continue;
    const { explanation, include } = resolveNote({ severity }, notes.get(id), notes.get(ruleNoteId(rule)));
    open.set(rule, include && explanation.trim() === '');
  }
  return { groups: open.size, answered: [...open.values()].filter((o) => !o).length };
}

/** The navigator's and the review's view of the audit: counts, or pending while a job runs. */
export async function auditProgress(caseId: string): Promise<{ groups: number; answered: number; pending: boolean }> {
  const state = await auditState(caseId);
  if (!state.ready) return { groups: 0, answered: 0, pending: true };
  const notes = await db.auditNote.findMany({ where: { caseId }, select: { findingId: true, explanation: true, include: true } });
  return { ...auditProgressFrom(state.summary, new Map(notes.map((n) => [n.findingId, n]))), pending: false };
}
