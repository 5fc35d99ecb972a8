import { describe, expect, it } from 'vitest';
import { completionPercent, stepStates } from './completion';
import { isStepId, nextStep, previousStep, STEP_IDS } from './steps';

describe('steps', () => {
  it('runs from basics to review', () => {
    expect(STEP_IDS[0]).toBe('basics');
    expect(nextStep('basics')).toBe('orders');
    expect(nextStep('review')).toBeNull();
    expect(previousStep('basics')).toBeNull();
    expect(previousStep('review')).toBe('statement');
  });

  it('rejects unknown step ids from URLs', () => {
    expect(isStepId('statement')).toBe(true);
    expect(isStepId('../admin')).toBe(false);
    expect(isStepId('constructor')).toBe(false);
  });
});

describe('completion', () => {
  it('counts only complete steps, rounding down', () => {
    const states = stepStates({ title: 'x', platform: 'tmall', appealDeadline: new Date() });
    expect(states.basics).toBe('complete');
    expect(completionPercent(states)).toBe(14);
  });

  it('reports a case without a deadline as in progress, not complete', () => {
    const states = stepStates({ title: 'x', platform: 'tmall', appealDeadline: null });
    expect(states.basics).toBe('inProgress');
    expect(completionPercent(states)).toBe(0);
  });
});
