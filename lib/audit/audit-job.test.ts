import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { upsertOrders } from '@/lib/orders/repository';
import type { OrderRecord } from '@/lib/orders/types';
import { makeUser } from '@/lib/testing/factories';
import { auditSummary } from './audit-cache';
import { auditJobDecision, auditProgress, auditProgressFrom, auditState } from './audit-job';
import { runCaseAudit } from './case-audit';
import { groupFindings, ruleNoteId, type NoteView } from './groups';
import type { RuleId } from './types';

const at = (h: number) => new Date(Date.UTC(2026, 10, 11, h));
// A shared waybill and a signature before shipping: two rule groups.
const ORDERS: OrderRecord[] = [
  { orderNo: '3012345678901234501', createdAt: at(1), paidAt: at(1), trackingNo: 'SF1234567890123', carrier: '顺丰速运' },
  { orderNo: '3012345678901234502', createdAt: at(2), paidAt: at(2), trackingNo: 'SF1234567890123', carrier: '顺丰速运' },
  { orderNo: '3012345678901234503', createdAt: at(3), paidAt: at(3), shippedAt: at(5), signedAt: at(4), trackingNo: 'SF1234567890999', carrier: '顺丰速运' },
];

let caseId: string;
beforeEach(async () => {
  const user = await makeUser();
  caseId = (await db.case.create({ data: { userId: user.id, title: '进度', platform: 'taobao' } })).id;
  await upsertOrders(caseId, ORDERS, 'import');
});

describe('auditState', () => {
  it('stores a summary with the result and serves it until the orders change', async () => {
    expect(await auditSummary(caseId)).toBeNull();
    const state = await auditState(caseId);
    expect(state.ready).toBe(true);
    const stored = await auditSummary(caseId);
    const { findingCount } = await runCaseAudit(caseId);
    expect(stored?.orders).toBe(3);
    expect(stored?.findings).toHaveLength(findingCount);
    await upsertOrders(caseId, [{ orderNo: '3012345678901234505', createdAt: at(6) }], 'manual');
    expect(await auditSummary(caseId)).toBeNull();
  });

  it('treats a damaged or foreign summary as missing', async () => {
    await auditState(caseId);
    for (const summary of ['{', '{"orders":3,"findings":[["x","noSuchRule","high"]]}', '{"orders":"3","findings":[]}']) {
      await db.auditCache.update({ where: { caseId }, data: { summary } });
      expect(await auditSummary(caseId)).toBeNull();
    }
  });
});

describe('auditProgressFrom', () => {
  it('counts answered groups exactly as the grouped findings do, for every mix of notes', async () => {
    const { summary } = (await auditState(caseId)) as { summary: NonNullable<Awaited<ReturnType<typeof auditSummary>>> };
    const { findings } = await import('./audit-cache').then((m) => m.cachedAudit(caseId));
    const [first, second, ...others] = [...new Set(findings.map((f) => f.rule))] as RuleId[];
    if (!first || !second) throw new Error('the fixture should raise two rules');
    expect(others).toEqual([]);
    const variants: Array<Map<string, NoteView>> = [
      new Map(),
      new Map([[ruleNoteId(first), { explanation: '促销期间同一仓库发货', include: true }]]),
      new Map([[ruleNoteId(second), { explanation: '', include: false }]]),
      // Left out as a rule, but one finding put back in without its own words: still open.
      new Map([[ruleNoteId(first), { explanation: '', include: false }], [findings.find((f) => f.rule === first)!.id, { explanation: '', include: true }]]),
      new Map(findings.map((f) => [f.id, { explanation: `说明 ${f.id}`, include: true }])),
    ];
    for (const notes of variants) {
      const groups = groupFindings(findings, notes, new Set());
      expect(auditProgressFrom(summary, notes)).toEqual({ groups: groups.length, answered: groups.filter((g) => g.answered).length });
    }
  });

  it('reads the notes from the database for the navigator', async () => {
    const before = await auditProgress(caseId);
    expect(before).toEqual({ groups: 2, answered: 0, pending: false });
    const { groups } = await runCaseAudit(caseId);
    for (const g of groups) await db.auditNote.create({ data: { caseId, findingId: ruleNoteId(g.rule), explanation: '真实原因', include: true } });
    expect(await auditProgress(caseId)).toEqual({ groups: groups.length, answered: groups.length, pending: false });
  });
});

describe('auditJobDecision', () => {
  const job = (status: string, inputKey = 'k1', progress = 0.4) => ({ status, progress, input: JSON.stringify({ inputKey }) });

  it('waits for a queued or running audit whatever it was queued for', () => {
    expect(auditJobDecision(job('queued', 'old'), 'k1')).toEqual({ ready: false, status: 'queued', progress: 0.4 });
    expect(auditJobDecision(job('running'), 'k1')).toEqual({ ready: false, status: 'running', progress: 0.4 });
  });

  it('reports an audit that failed on these very inputs instead of queuing it again on every page view', () => {
    expect(auditJobDecision(job('failed'), 'k1')).toEqual({ ready: false, status: 'failed', progress: 0 });
  });

  it('queues one when the inputs changed since it failed, after one that finished, or when there is none', () => {
    expect(auditJobDecision(job('failed', 'old'), 'k1')).toBe('enqueue');
    expect(auditJobDecision({ status: 'failed', progress: 0, input: '{}' }, 'k1')).toBe('enqueue');
    expect(auditJobDecision(job('done'), 'k1')).toBe('enqueue');
    expect(auditJobDecision(null, 'k1')).toBe('enqueue');
  });
});
