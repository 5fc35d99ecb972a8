import { describe, expect, it } from 'vitest';
import { completeCase } from '@/lib/testing/case-record';
import { caseStatus, completionPercent, stepStates } from './completion';
import { blockingProblems, reviewProblems } from './review';
import { statementHeadings, statementText } from './statement-text';

const NOW = new Date('2026-11-22T04:00:00Z');
const codes = (c = completeCase()) => reviewProblems(c, NOW).map((p) => `${p.severity}:${p.code}`);

describe('review problems', () => {
  it('finds nothing in a complete case on a platform with a published window', () => {
    expect(codes()).toEqual([]);
    expect(caseStatus(completeCase(), NOW)).toBe('ready');
  });

  it('lists each missing required field as an error for its step and field', () => {
    const problems = reviewProblems(completeCase({ shopName: '', contactPhone: '12345' }), NOW);
    expect(problems).toContainEqual(expect.objectContaining({ code: 'basics.shopName.required', severity: 'error', step: 'basics', field: 'shopName' }));
    expect(problems).toContainEqual(expect.objectContaining({ code: 'basics.contactPhone.phoneFormat', severity: 'error' }));
  });

  it('blocks on a passed deadline and warns within 3 days', () => {
    expect(codes(completeCase({ appealDeadline: new Date('2026-11-21T00:00:00Z'), noticeDate: new Date('2026-11-18T00:00:00Z') }))).toEqual(['error:deadlinePassed']);
    expect(codes(completeCase({ appealDeadline: new Date('2026-11-25T00:00:00Z') }))).toEqual(['warning:deadlineSoon']);
    expect(codes(completeCase({ appealDeadline: new Date('2026-11-26T00:00:00Z') }))).toEqual([]);
  });

  it('asks the merchant to confirm a deadline worked out from a default window', () => {
    expect(codes(completeCase({ platform: 'taobao' }))).toEqual(['warning:windowUnverified']);
  });

  it('flags a statement over the platform limit, and missing sections', () => {
    const long = completeCase({ statement: JSON.stringify({ whatHappened: '长'.repeat(2001), whyGenuine: 'a', evidence: 'b' }) });
    expect(codes(long)).toEqual(['error:statementTooLong']);
    expect(codes(completeCase({ statement: '{}' }))).toEqual([
      'error:statement.whatHappened.required',
      'error:statement.whyGenuine.required',
      'error:statement.evidence.required',
    ]);
  });

  it('stops blocking on warnings once acknowledged, never on errors', () => {
    const soon = completeCase({ platform: 'jd', appealDeadline: new Date('2026-11-24T00:00:00Z') });
    expect(blockingProblems(soon, NOW)).toHaveLength(2);
    expect(blockingProblems({ ...soon, acknowledged: '["deadlineSoon","windowUnverified"]' }, NOW)).toEqual([]);
    const broken = { ...soon, shopName: '', acknowledged: '["deadlineSoon","windowUnverified","basics.shopName.required"]' };
    expect(blockingProblems(broken, NOW).map((p) => p.code)).toEqual(['basics.shopName.required']);
    expect(caseStatus(broken, NOW)).toBe('draft');
  });
});

describe('step states and completion', () => {
  it('marks complete steps and counts them', () => {
    const states = stepStates(completeCase(), NOW);
    expect(states).toMatchObject({ basics: 'complete', statement: 'complete', review: 'complete', orders: 'notStarted' });
    expect(completionPercent(states)).toBe(42);
  });

  it('tells in-progress from has-problems', () => {
    expect(stepStates(completeCase({ shopName: '' }), NOW).basics).toBe('inProgress');
    expect(stepStates(completeCase({ contactPhone: '123' }), NOW).basics).toBe('problems');
    expect(stepStates(completeCase({ statement: '{}' }), NOW).statement).toBe('notStarted');
    expect(stepStates(completeCase({ statement: '{"whatHappened":"a"}' }), NOW).statement).toBe('inProgress');
  });
});

describe('statement text', () => {
  it('uses the platform’s document language for headings, whatever the screen language', () => {
    expect(statementHeadings('tmall').whatHappened).toBe('一、事情经过');
    expect(statementHeadings('amazon').whatHappened).toBe('1. What happened');
  });

  it('counts the statement as submitted, headings included', () => {
    const c = completeCase({ statement: JSON.stringify({ whatHappened: '经过', whyGenuine: '', evidence: '', context: '', prevention: '' }) });
    expect(statementText(c)).toEqual({ text: '一、事情经过\n经过', count: 9, limit: 2000 });
  });
});
