import { describe, expect, it } from 'vitest';
import { findingsPage, groupFindings, ruleNoteId, type NoteView } from './groups';
import type { Finding } from './types';

const finding = (rule: Finding['rule'], n: number, severity: Finding['severity'] = 'medium', orderNos = [`O${rule}${n}`]): Finding => ({
  id: `${rule}-${n}`,
  rule,
  severity,
  orderNos,
  params: { count: orderNos.length },
});

const shared = [finding('trackingShared', 1, 'high', ['A', 'B']), finding('trackingShared', 2, 'medium', ['B', 'C']), finding('trackingShared', 3, 'high', ['D', 'E'])];
const phones = [finding('samePhone', 1, 'low', ['A', 'F'])];
const notes = (entries: Array<[string, NoteView]>) => new Map(entries);

describe('groupFindings', () => {
  it('groups by rule in listing order, with distinct orders, flagged orders and the severity mix', () => {
    const [first, second] = groupFindings([...shared, ...phones], notes([]), new Set(['B', 'F']));
    expect(first).toMatchObject({ rule: 'trackingShared', orderCount: 5, flaggedCount: 1, severities: { high: 2, medium: 1 }, include: true, answered: false });
    expect(first?.findings.map((f) => f.flaggedOrders)).toEqual([1, 1, 0]);
    expect(second).toMatchObject({ rule: 'samePhone', orderCount: 2, flaggedCount: 1, severities: { low: 1 } });
  });

  it('applies the rule explanation to every finding and answers the group', () => {
    const [g] = groupFindings(shared, notes([[ruleNoteId('trackingShared'), { explanation: '同一买家合并发货', include: true }]]), new Set());
    expect(g?.findings.map((f) => [f.explanation, f.source, f.include])).toEqual([
      ['同一买家合并发货', 'rule', true],
      ['同一买家合并发货', 'rule', true],
      ['同一买家合并发货', 'rule', true],
    ]);
    expect(g?.answered).toBe(true);
  });

  it('lets a finding override the text and the inclusion; an empty override keeps the rule text', () => {
    const [g] = groupFindings(
      shared,
      notes([
        [ruleNoteId('trackingShared'), { explanation: '合并发货', include: true }],
        ['trackingShared-2', { explanation: '这一单是补发', include: true }],
        ['trackingShared-3', { explanation: '', include: false }],
      ]),
      new Set(),
    );
    expect(g?.findings.map((f) => [f.explanation, f.source, f.include])).toEqual([
      ['合并发货', 'rule', true],
      ['这一单是补发', 'finding', true],
      ['合并发货', 'rule', false],
    ]);
  });

  it('answers a group explained finding by finding, not one with a finding left unexplained', () => {
    const each = notes(shared.map((f) => [f.id, { explanation: `说明 ${f.id}`, include: true }]));
    expect(groupFindings(shared, each, new Set())[0]?.answered).toBe(true);
    each.delete('trackingShared-3');
    expect(groupFindings(shared, each, new Set())[0]?.answered).toBe(false);
  });

  it('treats a rule left out as answered, unless one finding is put back in without an explanation', () => {
    const out = notes([[ruleNoteId('trackingShared'), { explanation: '', include: false }]]);
    const [g] = groupFindings(shared, out, new Set());
    expect(g).toMatchObject({ include: false, answered: true });
    expect(g?.findings.every((f) => !f.include)).toBe(true);
    out.set('trackingShared-1', { explanation: '', include: true });
    expect(groupFindings(shared, out, new Set())[0]?.answered).toBe(false);
  });

  it('leaves format notes (info) out of the bundle by default, and so answered', () => {
    const [g] = groupFindings([finding('trackingFormat', 1, 'info')], notes([]), new Set());
    expect(g).toMatchObject({ include: false, answered: true });
    expect(g?.findings[0]?.include).toBe(false);
  });
});

describe('findingsPage', () => {
  const [g] = groupFindings(Array.from({ length: 23 }, (_, i) => finding('burstDay', i)), notes([]), new Set());
  it('pages ten at a time and clamps out-of-range pages', () => {
    if (!g) throw new Error('no group');
    expect(findingsPage(g, 1)).toMatchObject({ page: 1, pages: 3 });
    expect(findingsPage(g, 3).items.map((f) => f.id)).toEqual(['burstDay-20', 'burstDay-21', 'burstDay-22']);
    expect(findingsPage(g, 99).page).toBe(3);
    expect(findingsPage(g, Number('abc')).page).toBe(1);
    expect(findingsPage(g, -2).items).toHaveLength(10);
  });
});
