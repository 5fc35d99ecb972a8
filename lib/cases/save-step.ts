import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { fieldErrorCodes, type FieldErrors } from '@/lib/schemas/errors';
import { ACCUSATION_KINDS } from '@/lib/platforms/accusations';
import { basicsDraftSchema } from '@/lib/schemas/steps/basics';
import { STATEMENT_SECTIONS, statementDraftSchema } from '@/lib/schemas/steps/statement';
import { caseStatus, completionPercent, stepStates, type StepState } from './completion';
import { caseFacts } from './facts';
import { toStored } from '@/lib/statement/references';
import { statementValues, type CaseFacts, type CaseRecord } from './snapshot';
import type { StepId } from './steps';

export type SaveResult =
  | { ok: true; version: number; savedAt: string; states: Record<StepId, StepState> }
  | { ok: false; error: 'notFound' | 'conflict' | 'invalid' | 'unauthenticated'; fieldErrors?: FieldErrors };

const reviewDraftSchema = z.object({ acknowledged: z.array(z.string().max(200)).max(100) });

/** Turns a step's draft into the columns it changes, or field errors. */
function columnsFor(step: StepId, values: unknown, current: CaseRecord, facts: CaseFacts): { ok: true; data: Partial<CaseRecord> } | { ok: false; fieldErrors: FieldErrors } {
  switch (step) {
    case 'basics': {
      const parsed = basicsDraftSchema.safeParse(values);
      if (!parsed.success) return { ok: false, fieldErrors: fieldErrorCodes(parsed.error) };
      const { accusations, ...fields } = parsed.data;
      // Stored in the kinds' own order, each once, so the same choice is always the same JSON.
      return { ok: true, data: { ...fields, ...(accusations && { accusations: JSON.stringify(ACCUSATION_KINDS.filter((k) => accusations.includes(k))) }) } };
    }
    case 'statement': {
      const parsed = statementDraftSchema.safeParse(values);
      if (!parsed.success) return { ok: false, fieldErrors: fieldErrorCodes(parsed.error) };
      // Typed exhibit ids are stored by key, so renumbering never points them elsewhere (lib/statement/references.ts).
      const typed = Object.fromEntries(Object.entries(parsed.data).map(([s, text]) => [s, typeof text === 'string' ? toStored(text, facts.exhibits ?? []) : text]));
      const merged = { ...statementValues(current), ...typed };
      // Keys in a fixed order, so the same statement is always the same JSON.
      return { ok: true, data: { statement: JSON.stringify(Object.fromEntries(STATEMENT_SECTIONS.map((s) => [s, merged[s]]))) } };
    }
    case 'review': {
      const parsed = reviewDraftSchema.safeParse(values);
      return parsed.success ? { ok: true, data: { acknowledged: JSON.stringify([...new Set(parsed.data.acknowledged)].sort()) } } : { ok: false, fieldErrors: {} };
    }
    default:
      return { ok: false, fieldErrors: {} };
  }
}

/**
 * Saves one step's draft, if and only if the case is the caller's and still at
 * `baseVersion`: a save based on what another tab has since changed is a
 * conflict, never a silent overwrite. Completion and status are recomputed.
 */
export async function saveStep(userId: string, caseId: string, step: StepId, baseVersion: number, values: unknown, now = new Date()): Promise<SaveResult> {
  const current = await db.case.findFirst({ where: { id: caseId, userId } });
  if (!current) return { ok: false, error: 'notFound' };
  if (current.version !== baseVersion) return { ok: false, error: 'conflict' };
  const facts = await caseFacts(caseId);
  const columns = columnsFor(step, values, current, facts);
  if (!columns.ok) return { ok: false, error: 'invalid', fieldErrors: columns.fieldErrors };

  const next = { ...current, ...columns.data };
  const states = stepStates(next, now, facts);
  // The version in the WHERE makes check-and-write one atomic step against a concurrent save.
  const { count } = await db.case.updateMany({
    where: { id: caseId, userId, version: baseVersion },
    data: {
      ...columns.data,
      completion: completionPercent(states),
      status: caseStatus(next, now, facts),
      version: { increment: 1 },
      editedAt: now,
    },
  });
  if (count === 0) return { ok: false, error: 'conflict' };
  return { ok: true, version: baseVersion + 1, savedAt: now.toISOString(), states };
}
