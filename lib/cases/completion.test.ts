import { describe, expect, it } from 'vitest';
import { completeCase } from '@/lib/testing/case-record';
import { stepStates } from './completion';
import { NO_FACTS, type CaseFacts } from './snapshot';

const NOW = new Date('2026-11-22T04:00:00Z');
const states = (facts: Partial<CaseFacts>) => stepStates(completeCase(), NOW, { ...NO_FACTS, ...facts });

describe('self-audit step state', () => {
  it('has not started without orders', () => {
    expect(states({}).audit).toBe('notStarted');
  });

  it('is in progress while a rule group is neither explained nor left out', () => {
    expect(states({ orderCount: 200, auditGroups: 4, auditAnswered: 3 }).audit).toBe('inProgress');
  });

  it('is complete once every group is answered, or when the audit found nothing to answer', () => {
    expect(states({ orderCount: 200, auditGroups: 4, auditAnswered: 4 }).audit).toBe('complete');
    expect(states({ orderCount: 3, auditGroups: 0, auditAnswered: 0 }).audit).toBe('complete');
  });
});

describe('evidence step state', () => {
  it('has not started without files, and is begun with one not yet linked', () => {
    expect(states({ flaggedCount: 2 }).evidence).toBe('notStarted');
    expect(states({ flaggedCount: 2, evidenceCount: 1 }).evidence).toBe('inProgress');
  });

  it('is in progress while a flagged order has no linked file', () => {
    expect(states({ flaggedCount: 3, flaggedWithEvidence: 2, evidenceCount: 5 }).evidence).toBe('inProgress');
  });

  it('is complete when every flagged order has linked evidence, and never without a flagged order', () => {
    expect(states({ flaggedCount: 3, flaggedWithEvidence: 3, evidenceCount: 2 }).evidence).toBe('complete');
    expect(states({ flaggedCount: 0, flaggedWithEvidence: 0, evidenceCount: 4 }).evidence).toBe('inProgress');
  });
});
