/** The guided form's steps, in order. Ids are URL segments and message keys. */
export const STEP_IDS = ['basics', 'orders', 'audit', 'evidence', 'logistics', 'statement', 'review'] as const;
export type StepId = (typeof STEP_IDS)[number];

export const FIRST_STEP: StepId = 'basics';

export function isStepId(value: string): value is StepId {
  return (STEP_IDS as readonly string[]).includes(value);
}

/** The step after `step`, or null on the last one. */
export function nextStep(step: StepId): StepId | null {
  return STEP_IDS[STEP_IDS.indexOf(step) + 1] ?? null;
}

export function previousStep(step: StepId): StepId | null {
  const index = STEP_IDS.indexOf(step);
  return index > 0 ? (STEP_IDS[index - 1] ?? null) : null;
}
