import { describe, expect, it } from 'vitest';
import { caseChecklist, exhibitLabel, unmetRequirements } from './case-status';

const states = (statuses: ReturnType<typeof caseChecklist>) => statuses?.map((s) => `${s.item.id}:${s.state}`);

describe('caseChecklist', () => {
  it('shows nothing until an accusation is picked, or for an unknown platform', () => {
    expect(caseChecklist('douyin', [], [], [])).toBeNull();
    expect(caseChecklist('ebay', ['realGoods'], [], [])).toBeNull();
  });

  it("lists the platform's requirements, each missing without files", () => {
    expect(states(caseChecklist('taobao', ['promotionBurst'], [], []))).toEqual(['campaignRecords:missing', 'shippingProof:missing']);
  });

  it('counts a file as answering what its category answers, labelled as the bundle prints it', () => {
    const statuses = caseChecklist('taobao', ['promotionBurst'], [{ id: 'e1', category: 'promotion', position: 2 }], []);
    expect(states(statuses)).toEqual(['campaignRecords:met', 'shippingProof:missing']);
    expect(statuses?.[0]?.exhibits.map((e) => e.label)).toEqual([exhibitLabel({ id: 'e1', category: 'promotion', position: 2 })]);
    expect(exhibitLabel({ id: 'e1', category: 'promotion', position: 2 })).toMatch(/^[A-Z]-002$/);
  });

  it('judges a per-order requirement by the files linked to each flagged order', () => {
    const evidence = [{ id: 'w1', category: 'logistics', position: 1 }];
    const partly = caseChecklist('taobao', ['fakeTracking'], evidence, [{ orderNo: '301', evidenceIds: ['w1'] }, { orderNo: '302', evidenceIds: [] }]);
    expect(partly?.find((s) => s.item.id === 'shippingProof')).toMatchObject({ state: 'partly', orders: { covered: 1, total: 2, uncovered: ['302'] } });
    const met = caseChecklist('taobao', ['fakeTracking'], evidence, [{ orderNo: '301', evidenceIds: ['w1'] }]);
    expect(met?.find((s) => s.item.id === 'shippingProof')?.state).toBe('met');
  });

  it('ignores a file whose category is unknown instead of failing', () => {
    expect(states(caseChecklist('taobao', ['promotionBurst'], [{ id: 'x', category: 'mystery', position: 1 }], []))).toEqual(['campaignRecords:missing', 'shippingProof:missing']);
  });
});

describe('unmetRequirements', () => {
  it('keeps missing and partly met requirements, never optional ones', () => {
    // controlledAccounts lists buyer reviews as optional support.
    const statuses = caseChecklist('taobao', ['controlledAccounts'], [{ id: 'c', category: 'chat', position: 1 }], []);
    expect(statuses?.some((s) => s.item.optional && s.state === 'missing')).toBe(true);
    expect(unmetRequirements(statuses).map((s) => s.item.id)).toEqual(['shippingProof']);
    expect(unmetRequirements(null)).toEqual([]);
  });
});
