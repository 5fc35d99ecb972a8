import { PLATFORMS, isPlatformId } from '@/lib/platforms/profiles';
import { referenceProblems } from '@/lib/statement/problems';
import { typedLength } from '@/lib/statement/references';
import { statementText } from './statement-text';
import { deadlineState } from '@/lib/platforms/deadline';
import { fieldErrorCodes, type FieldErrorCode } from '@/lib/schemas/errors';
import { basicsSchema } from '@/lib/schemas/steps/basics';
import { STATEMENT_SECTIONS, statementSchema } from '@/lib/schemas/steps/statement';
import { acknowledgedCodes, basicsValues, statementValues, type CaseFacts, type CaseRecord } from './snapshot';
import type { StepId } from './steps';

/**
 * One thing the review step reports. Errors block export until fixed;
 * warnings block it until the merchant acknowledges them (by `code`);
 * advice (claims without proof: lib/statement/problems.ts) is shown and never blocks.
 */
export type Problem = {
  code: string;
  severity: 'error' | 'warning' | 'advice';
  step: StepId;
  /** The form field it concerns, for the edit link. */
  field?: string;
  /** Message key under `review.problems`, with its parameters. */
  message: string;
  params?: Record<string, string | number>;
};

export function basicsFieldErrors(c: CaseRecord): Partial<Record<string, FieldErrorCode>> {
  const parsed = basicsSchema.safeParse(basicsValues(c));
  return parsed.success ? {} : fieldErrorCodes(parsed.error);
}

export function statementFieldErrors(c: CaseRecord): Partial<Record<string, FieldErrorCode>> {
  // Stored references are longer than the typed ids the merchant wrote: measured as typed.
  const values = Object.fromEntries(Object.entries(statementValues(c)).map(([s, text]) => [s, typedLength(text)]));
  const parsed = statementSchema.safeParse(values);
  return parsed.success ? {} : fieldErrorCodes(parsed.error);
}

export function reviewProblems(c: CaseRecord, now: Date, facts: CaseFacts): Problem[] {
  const problems: Problem[] = [];
  // A bundle without a single file proves nothing, whatever else is filled in.
  if (facts.evidenceCount === 0) problems.push({ code: 'noEvidence', severity: 'error', step: 'evidence', message: 'noEvidence' });
  if (facts.flaggedCount === 0) {
    // An appeal not about orders (a police inquiry) is confirmed on the evidence it brings; with none either, there is nothing to appeal.
    problems.push(
      facts.evidenceCount === 0
        ? { code: 'noFlaggedOrdersNoEvidence', severity: 'error', step: 'orders', message: 'noFlaggedOrdersNoEvidence' }
        : { code: 'noFlaggedOrders', severity: 'warning', step: 'orders', message: 'noFlaggedOrders' },
    );
  }
  for (const [field, code] of Object.entries(basicsFieldErrors(c))) {
    problems.push({ code: `basics.${field}.${code}`, severity: 'error', step: 'basics', field, message: `field.${code}`, params: { field } });
  }
  if (c.appealDeadline) {
    const { daysLeft, level } = deadlineState(c.appealDeadline, now);
    if (level === 'passed') problems.push({ code: 'deadlinePassed', severity: 'error', step: 'basics', field: 'appealDeadline', message: 'deadlinePassed', params: { days: -daysLeft } });
    if (level === 'soon' || level === 'today') {
      problems.push({ code: 'deadlineSoon', severity: 'warning', step: 'basics', field: 'appealDeadline', message: 'deadlineSoon', params: { days: daysLeft } });
    }
  }
  if (isPlatformId(c.platform) && PLATFORMS[c.platform].appealWindowSource.kind === 'default') {
    problems.push({ code: 'windowUnverified', severity: 'warning', step: 'basics', field: 'appealDeadline', message: 'windowUnverified' });
  }
  const statementErrors = statementFieldErrors(c);
  for (const section of STATEMENT_SECTIONS) {
    const code = statementErrors[section];
    if (!code) continue;
    const message = code === 'required' || code === 'tooLong' || code === 'controlChars' ? code : 'invalid';
    problems.push({ code: `statement.${section}.${code}`, severity: 'error', step: 'statement', field: section, message: `section.${message}`, params: { section } });
  }
  // One warning per unmet requirement, so acknowledging one does not hide another that appears later.
  for (const { id, state } of facts.checklistUnmet ?? []) {
    problems.push({ code: `checklist.${id}`, severity: 'warning', step: 'evidence', message: state === 'partly' ? 'checklistPartly' : 'checklistMissing', params: { requirement: id } });
  }
  const { count, limit } = statementText(c, facts.exhibits);
  if (count > limit) problems.push({ code: 'statementTooLong', severity: 'error', step: 'statement', message: 'statementTooLong', params: { count, limit } });
  if (facts.exhibits) problems.push(...referenceProblems(statementValues(c), facts.exhibits));
  return problems;
}

/** The problems still standing: every error, and the warnings not yet acknowledged. */
export function blockingProblems(c: CaseRecord, now: Date, facts: CaseFacts): Problem[] {
  const acknowledged = new Set(acknowledgedCodes(c));
  return reviewProblems(c, now, facts).filter((p) => p.severity === 'error' || (p.severity === 'warning' && !acknowledged.has(p.code)));
}

