import { describe, expect, it } from 'vitest';
import { completeCase } from '@/lib/testing/case-record';
import { blockingProblems, reviewProblems } from './review';

const NOW = new Date('2026-11-22T04:00:00Z');
const FACTS = { orderCount: 3, flaggedCount: 2, flaggedWithTracking: 2, evidenceCount: 4, flaggedWithEvidence: 0, auditGroups: 1, auditAnswered: 0, auditPending: false };

describe('checklist warnings on the review step', () => {
  it('adds nothing when every requirement is met', () => {
    expect(reviewProblems(completeCase(), NOW, { ...FACTS, checklistUnmet: [] })).toEqual([]);
  });

  it('warns once per unmet requirement, pointing at the evidence step', () => {
    const problems = reviewProblems(completeCase(), NOW, { ...FACTS, checklistUnmet: [{ id: 'packingVideo', state: 'missing' }, { id: 'waybillWithWeight', state: 'partly' }] });
    expect(problems).toEqual([
      { code: 'checklist.packingVideo', severity: 'warning', step: 'evidence', message: 'checklistMissing', params: { requirement: 'packingVideo' } },
      { code: 'checklist.waybillWithWeight', severity: 'warning', step: 'evidence', message: 'checklistPartly', params: { requirement: 'waybillWithWeight' } },
    ]);
  });

  it('stops blocking export once acknowledged, while a newly unmet requirement still blocks', () => {
    const c = completeCase({ acknowledged: JSON.stringify(['checklist.packingVideo']) });
    const blocking = blockingProblems(c, NOW, { ...FACTS, checklistUnmet: [{ id: 'packingVideo', state: 'missing' }, { id: 'courierCertificate', state: 'missing' }] });
    expect(blocking.map((p) => p.code)).toEqual(['checklist.courierCertificate']);
  });
});
