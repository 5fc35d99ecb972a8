import { STEP_IDS, type StepId } from './steps';

export type StepState = 'notStarted' | 'inProgress' | 'complete' | 'problems';

/** Share of the steps that are complete, 0..100, rounded down so 100 means truly done. */
export function completionPercent(states: Record<StepId, StepState>): number {
  const complete = STEP_IDS.filter((step) => states[step] === 'complete').length;
  return Math.floor((complete / STEP_IDS.length) * 100);
}

type CaseFacts = { title: string; platform: string; appealDeadline: Date | null };

/**
 * What each step holds so far. Until a step has its own form (later issues),
 * only what the case itself records counts: nothing is reported as done that isn't.
 */
export function stepStates(facts: CaseFacts): Record<StepId, StepState> {
  const basicsFields = [facts.title, facts.platform, facts.appealDeadline].filter(Boolean).length;
  const basics: StepState = basicsFields === 3 ? 'complete' : basicsFields > 0 ? 'inProgress' : 'notStarted';
  const states = Object.fromEntries(STEP_IDS.map((step) => [step, 'notStarted'])) as Record<StepId, StepState>;
  return { ...states, basics };
}
