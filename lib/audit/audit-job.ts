import 'server-only';
import { db } from '@/lib/db/client';
import { AUDIT_JOB } from '@/lib/jobs/handlers';
import { jobRunner, threadsAvailable } from '@/lib/jobs/runner';
import type { JobContext } from '@/lib/jobs/types';
import { cachedAudit, storedSummary, summarise, type AuditSummary } from './audit-cache';
import { resolveNote, ruleNoteId, type NoteView } from './groups';

/** The job: compute and store the case's audit (nothing to do when the stored one is current). */
export async function runAuditJob({ caseId, progress }: JobContext) {
  await progress(0.05);
  const audit = await cachedAudit(caseId);
  return { orders: audit.stats.orders, findings: audit.findings.length };
}

export type AuditState = { ready: true; summary: AuditSummary } | { ready: false; status: 'queued' | 'running' | 'failed'; progress: number };
type LatestJob = { status: string; progress: number; input: string } | null;

/**
 * What the page does about a stale audit, given the case's latest audit job: wait for one queued or
 * running; report one that failed on these very inputs (queued again, it would fail again on every
 * page view, each time holding a worker); else queue one.
 */
export function auditJobDecision(latest: LatestJob, inputKey: string): Exclude<AuditState, { ready: true }> | 'enqueue' {
  if (latest?.status === 'queued' || latest?.status === 'running') return { ready: false, status: latest.status, progress: latest.progress };
  if (latest?.status === 'failed' && jobInputKey(latest.input) === inputKey) return { ready: false, status: 'failed', progress: 0 };
  return 'enqueue';
}

function jobInputKey(input: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(input);
    return parsed && typeof parsed === 'object' && 'inputKey' in parsed && typeof parsed.inputKey === 'string' ? parsed.inputKey : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether the case's stored audit matches its orders, promotions and settings; if not, an audit
 * job is queued (or the one already queued is reported, or the one that failed on these inputs)
 * and the page shows its progress. Outside the server (unit tests, scripts) there are no worker
 * threads and the audit runs in place.
 */
export async function auditState(caseId: string, { retry = false } = {}): Promise<AuditState> {
  const { summary, inputKey } = await storedSummary(caseId);
  if (summary) return { ready: true, summary };
  if (!threadsAvailable()) return { ready: true, summary: summarise(await cachedAudit(caseId)) };
  const latest = await db.job.findFirst({ where: { caseId, kind: AUDIT_JOB }, orderBy: { createdAt: 'desc' }, select: { status: true, progress: true, input: true } });
  const decision = auditJobDecision(retry && latest?.status === 'failed' ? null : latest, inputKey);
  if (decision !== 'enqueue') return decision;
  await jobRunner().enqueue(caseId, AUDIT_JOB, { inputKey });
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
