import { describe, expect, it } from 'vitest';
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
