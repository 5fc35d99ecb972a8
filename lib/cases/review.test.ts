import { describe, expect, it } from 'vitest';
import { completeCase } from '@/lib/testing/case-record';
import { caseStatus, completionPercent, stepStates } from './completion';
import { blockingProblems, reviewProblems } from './review';
import { statementHeadings, statementText } from './statement-text';

const NOW = new Date('2026-11-22T04:00:00Z');
// One self-audit rule group still to explain: the audit step stays in progress.
const FACTS = { orderCount: 3, flaggedCount: 2, flaggedWithTracking: 2, evidenceCount: 4, flaggedWithEvidence: 0, auditGroups: 1, auditAnswered: 0, auditPending: false };
const codes = (c = completeCase(), facts = FACTS) => reviewProblems(c, NOW, facts).map((p) => `${p.severity}:${p.code}`);

describe('review problems', () => {
  it('finds nothing in a complete case on a platform with a published window', () => {
    expect(codes()).toEqual([]);
    expect(caseStatus(completeCase(), NOW, FACTS)).toBe('ready');
  });

  it('lists each missing required field as an error for its step and field', () => {
    const problems = reviewProblems(completeCase({ shopName: '', contactPhone: '12345' }), NOW, FACTS);
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
    expect(blockingProblems(soon, NOW, FACTS)).toHaveLength(2);
    expect(blockingProblems({ ...soon, acknowledged: '["deadlineSoon","windowUnverified"]' }, NOW, FACTS)).toEqual([]);
    const broken = { ...soon, shopName: '', acknowledged: '["deadlineSoon","windowUnverified","basics.shopName.required"]' };
    expect(blockingProblems(broken, NOW, FACTS).map((p) => p.code)).toEqual(['basics.shopName.required']);
    expect(caseStatus(broken, NOW, FACTS)).toBe('draft');
  });
});

describe('flagged orders and evidence', () => {
  it('asks the merchant to confirm an appeal without any flagged order that brings evidence', () => {
    expect(codes(completeCase(), { ...FACTS, flaggedCount: 0, flaggedWithTracking: 0 })).toEqual(['warning:noFlaggedOrders']);
    const confirmed = completeCase({ acknowledged: '["noFlaggedOrders"]' });
    expect(caseStatus(confirmed, NOW, { ...FACTS, flaggedCount: 0, flaggedWithTracking: 0 })).toBe('ready');
  });

  it('never lets a bundle without a single evidence file out, however much is acknowledged', () => {
    const acknowledgedAll = completeCase({ acknowledged: '["noEvidence","noFlaggedOrders","noFlaggedOrdersNoEvidence"]' });
    expect(codes(acknowledgedAll, { ...FACTS, evidenceCount: 0, flaggedWithEvidence: 0, auditGroups: 0, auditAnswered: 0, auditPending: false })).toEqual(['error:noEvidence']);
    expect(blockingProblems(acknowledgedAll, NOW, { ...FACTS, evidenceCount: 0, flaggedWithEvidence: 0, auditGroups: 0, auditAnswered: 0, auditPending: false }).map((p) => p.step)).toEqual(['evidence']);
    expect(caseStatus(acknowledgedAll, NOW, { ...FACTS, evidenceCount: 0, flaggedWithEvidence: 0, auditGroups: 0, auditAnswered: 0, auditPending: false })).toBe('draft');
    expect(stepStates(acknowledgedAll, NOW, { ...FACTS, evidenceCount: 0, flaggedWithEvidence: 0, auditGroups: 0, auditAnswered: 0, auditPending: false }).review).toBe('inProgress');
  });

  it('blocks a case with neither flagged orders nor evidence on both counts, each with its step', () => {
    const nothing = { orderCount: 5, flaggedCount: 0, flaggedWithTracking: 0, evidenceCount: 0, flaggedWithEvidence: 0, auditGroups: 0, auditAnswered: 0, auditPending: false };
    const problems = blockingProblems(completeCase({ acknowledged: '["noFlaggedOrders"]' }), NOW, nothing);
    expect(problems.map((p) => `${p.severity}:${p.code}:${p.step}`)).toEqual(['error:noEvidence:evidence', 'error:noFlaggedOrdersNoEvidence:orders']);
  });

  it('counts the orders step complete once flagged orders are marked', () => {
    expect(stepStates(completeCase(), NOW, { orderCount: 0, flaggedCount: 0, flaggedWithTracking: 0, evidenceCount: 0, flaggedWithEvidence: 0, auditGroups: 0, auditAnswered: 0, auditPending: false }).orders).toBe('notStarted');
    expect(stepStates(completeCase(), NOW, { orderCount: 4, flaggedCount: 0, flaggedWithTracking: 0, evidenceCount: 0, flaggedWithEvidence: 0, auditGroups: 0, auditAnswered: 0, auditPending: false }).orders).toBe('inProgress');
    expect(stepStates(completeCase(), NOW, FACTS).orders).toBe('complete');
  });

  it('never counts the audit complete while it is being recomputed', () => {
    const answered = { ...FACTS, auditGroups: 2, auditAnswered: 2 };
    expect(stepStates(completeCase(), NOW, answered).audit).toBe('complete');
    expect(stepStates(completeCase(), NOW, { ...answered, auditPending: true }).audit).toBe('inProgress');
  });

  it('counts logistics complete once every flagged order has a tracking number', () => {
    expect(stepStates(completeCase(), NOW, { orderCount: 4, flaggedCount: 2, flaggedWithTracking: 1, evidenceCount: 0, flaggedWithEvidence: 0, auditGroups: 0, auditAnswered: 0, auditPending: false }).logistics).toBe('inProgress');
    expect(stepStates(completeCase(), NOW, FACTS).logistics).toBe('complete');
  });
});

describe('step states and completion', () => {
  it('marks complete steps and counts them', () => {
    const states = stepStates(completeCase(), NOW, FACTS);
    expect(states).toMatchObject({ basics: 'complete', orders: 'complete', logistics: 'complete', statement: 'complete', review: 'complete', audit: 'inProgress' });
    expect(completionPercent(states)).toBe(71);
  });

  it('tells in-progress from has-problems', () => {
    expect(stepStates(completeCase({ shopName: '' }), NOW, FACTS).basics).toBe('inProgress');
    expect(stepStates(completeCase({ contactPhone: '123' }), NOW, FACTS).basics).toBe('problems');
    expect(stepStates(completeCase({ statement: '{}' }), NOW, FACTS).statement).toBe('notStarted');
    expect(stepStates(completeCase({ statement: '{"whatHappened":"a"}' }), NOW, FACTS).statement).toBe('inProgress');
  });
});

describe('statement text', () => {
  it('uses the platform’s document language for headings, whatever the screen language', () => {
    expect(statementHeadings('tmall').whatHappened).toBe('一、事情经过');
    expect(statementHeadings('amazon').whatHappened).toBe('1. What happened');
  });

  it('counts the statement as submitted, headings included', () => {
    const c = completeCase({ statement: JSON.stringify({ whatHappened: '经过', whyGenuine: '', evidence: '', context: '', prevention: '' }) });
    expect(statementText(c)).toMatchObject({ text: '一、事情经过\n经过', count: 9, limit: 2000 });
  });

  it('counts references as printed, in the document language, and dangling ones as nothing', () => {
    const exhibits = [{ evidenceId: 'ev1', exhibitId: 'B-003', title: '发票' }];
    const statement = JSON.stringify({ whatHappened: '见[[ev:ev1]][[ev:gone]][订单 12]', whyGenuine: '', evidence: '', context: '', prevention: '' });
    expect(statementText(completeCase({ statement }), exhibits)).toMatchObject({ text: '一、事情经过\n见（证据 B-003）订单 12', count: 23 });
    expect(statementText(completeCase({ statement, platform: 'amazon' }), exhibits).text).toBe('1. What happened\n见(Exhibit B-003)order 12');
  });

  it('advises on references without ever blocking the export', () => {
    const c = completeCase({ statement: JSON.stringify({ whatHappened: '收到通知。', whyGenuine: '真实交易[[ev:gone]]', evidence: '见[B-003]', context: '', prevention: '' }) });
    const facts = { ...FACTS, exhibits: [{ evidenceId: 'ev1', exhibitId: 'B-003', title: '发票' }] };
    const advice = reviewProblems(c, NOW, facts).filter((p) => p.severity === 'advice');
    expect(advice.map((p) => p.message).sort()).toEqual(['deletedReference', 'unprovenParagraph', 'unprovenParagraph']);
    expect(blockingProblems(c, NOW, facts).some((p) => p.severity === 'advice')).toBe(false);
  });
});
