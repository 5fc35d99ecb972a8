import type { FieldErrorCode } from '@/lib/schemas/errors';
import { STATEMENT_SECTIONS } from '@/lib/schemas/steps/statement';
import type { CaseStatus } from './status';
import { basicsFieldErrors, blockingProblems, statementFieldErrors } from './review';
import { statementText } from './statement-text';
import { statementValues, type CaseFacts, type CaseRecord } from './snapshot';
import { STEP_IDS, type StepId } from './steps';

export type StepState = 'notStarted' | 'inProgress' | 'complete' | 'problems';

function stateFrom(errors: Partial<Record<string, FieldErrorCode>>, started: boolean, extraProblem = false): StepState {
  const codes = Object.values(errors);
  if (!started) return 'notStarted';
  if (extraProblem || codes.some((code) => code !== 'required')) return 'problems';
  return codes.length === 0 ? 'complete' : 'inProgress';
}

/**
 * Each step's state, derived from what the case holds; nothing is reported as
 * done that isn't. Orders are complete once the platform's flagged orders are
 * marked, logistics once each of them has a tracking number, the self-audit once
 * every rule group is explained or deliberately left out, and evidence once
 * every flagged order has a file linked to it.
 */
export function stepStates(c: CaseRecord, now: Date, facts: CaseFacts): Record<StepId, StepState> {
  const states = Object.fromEntries(STEP_IDS.map((step) => [step, 'notStarted'])) as Record<StepId, StepState>;
  // Title and platform are given when the case is created, so basics has always begun.
  states.basics = stateFrom(basicsFieldErrors(c), true);
  const statement = statementValues(c);
  const { count, limit } = statementText(c, facts.exhibits);
  states.statement = stateFrom(statementFieldErrors(c), STATEMENT_SECTIONS.some((s) => statement[s].trim() !== ''), count > limit);
  states.orders = facts.flaggedCount > 0 ? 'complete' : facts.orderCount > 0 ? 'inProgress' : 'notStarted';
  // The audit has begun once there are orders to audit; an audit with nothing to answer is done.
  const auditDone = facts.orderCount > 0 && !facts.auditPending && facts.auditAnswered === facts.auditGroups;
  states.audit = auditDone ? 'complete' : facts.orderCount > 0 ? 'inProgress' : 'notStarted';
  const allLinked = facts.flaggedCount > 0 && facts.flaggedWithEvidence === facts.flaggedCount;
  states.evidence = allLinked ? 'complete' : facts.evidenceCount > 0 ? 'inProgress' : 'notStarted';
  const allTracked = facts.flaggedCount > 0 && facts.flaggedWithTracking === facts.flaggedCount;
  states.logistics = allTracked ? 'complete' : facts.flaggedWithTracking > 0 ? 'inProgress' : 'notStarted';
  states.review = blockingProblems(c, now, facts).length === 0 ? 'complete' : 'inProgress';
  return states;
}

/** Share of the steps that are complete, 0..100, rounded down so 100 means truly done. */
export function completionPercent(states: Record<StepId, StepState>): number {
  const complete = STEP_IDS.filter((step) => states[step] === 'complete').length;
  return Math.floor((complete / STEP_IDS.length) * 100);
}

/** Ready once nothing blocks the export; any edit of a ready or exported case makes it a draft again. */
export function caseStatus(c: CaseRecord, now: Date, facts: CaseFacts): CaseStatus {
  return blockingProblems(c, now, facts).length === 0 ? 'ready' : 'draft';
}
