import { describe, expect, it } from 'vitest';
import { checklistStatus, type ChecklistExhibit, type FlaggedOrder } from './checklist-status';
import { combinedChecklist } from './checklists';

// Douyin, goods really shipped + a promotion burst: waybills and promotion proof per order,
// optional chats, campaign information and invoices for the case.
const items = combinedChecklist('douyin', ['realGoods', 'promotionBurst']);
const waybill = (id: string): ChecklistExhibit => ({ id, label: `E-${id}`, category: 'logistics' });
const orders = (...links: string[][]): FlaggedOrder[] => links.map((exhibitIds, i) => ({ orderNo: `O${i + 1}`, exhibitIds }));
const stateOf = (statuses: ReturnType<typeof checklistStatus>, id: string) => statuses.find((s) => s.item.id === id);

describe('checklistStatus', () => {
  it('lists each shared requirement once', () => {
    const statuses = checklistStatus(items, [], orders([]));
    expect(statuses.filter((s) => s.item.id === 'promotionPerOrder')).toHaveLength(1);
    expect(statuses.map((s) => s.item.id)).toEqual(['waybillWithWeight', 'promotionPerOrder', 'supportingChats', 'campaignAndAdSpend', 'clearInvoices']);
  });

  it('is missing with no exhibit, and counts every order uncovered', () => {
    const status = stateOf(checklistStatus(items, [], orders([], [])), 'waybillWithWeight');
    expect(status).toMatchObject({ state: 'missing', exhibits: [], orders: { covered: 0, total: 2, uncovered: ['O1', 'O2'] } });
  });

  it('is partly met when some penalised orders have a linked waybill and others not', () => {
    const status = stateOf(checklistStatus(items, [waybill('1'), waybill('2')], orders(['1'], [], ['2'])), 'waybillWithWeight');
    expect(status?.state).toBe('partly');
    expect(status?.orders).toEqual({ covered: 2, total: 3, uncovered: ['O2'] });
    expect(status?.exhibits.map((e) => e.label)).toEqual(['E-1', 'E-2']);
  });

  it('is met when every penalised order has one', () => {
    const status = stateOf(checklistStatus(items, [waybill('1')], orders(['1'], ['1', 'x'])), 'waybillWithWeight');
    expect(status).toMatchObject({ state: 'met', orders: { covered: 2, total: 2, uncovered: [] } });
  });

  it('is only partly met by an answering exhibit linked to no penalised order', () => {
    const status = stateOf(checklistStatus(items, [waybill('1')], orders([], [])), 'waybillWithWeight');
    expect(status).toMatchObject({ state: 'partly', orders: { covered: 0, total: 2 } });
  });

  it('judges a per-order requirement like a case one when no order is listed', () => {
    expect(stateOf(checklistStatus(items, [waybill('1')], []), 'waybillWithWeight')).toMatchObject({ state: 'met' });
    expect(stateOf(checklistStatus(items, [waybill('1')], []), 'waybillWithWeight')?.orders).toBeUndefined();
  });

  it("follows the merchant's ticks over the category default", () => {
    const untickedWaybill: ChecklistExhibit = { ...waybill('1'), requirementIds: [] };
    const chatAsPromotion: ChecklistExhibit = { id: '2', label: 'C-001', category: 'chat', requirementIds: ['campaignAndAdSpend'] };
    const statuses = checklistStatus(items, [untickedWaybill, chatAsPromotion], orders(['1']));
    expect(stateOf(statuses, 'waybillWithWeight')?.state).toBe('missing');
    expect(stateOf(statuses, 'campaignAndAdSpend')).toMatchObject({ state: 'met', exhibits: [chatAsPromotion] });
    // Ticked as campaign information only: it no longer counts as a chat record.
    expect(stateOf(statuses, 'supportingChats')?.state).toBe('missing');
  });

  it("is explained when the merchant says why it cannot be provided, and keeps the counts", () => {
    const reasons = { waybillWithWeight: '快递公司只提供纸质底单，已遗失', clearInvoices: '  ', campaignAndAdSpend: '见 P-001' };
    const statuses = checklistStatus(items, [waybill('1'), { id: 'p', label: 'P-001', category: 'promotion' }], orders(['1', 'p'], []), reasons);
    expect(stateOf(statuses, 'waybillWithWeight')).toMatchObject({ state: 'explained', reason: reasons.waybillWithWeight, orders: { covered: 1, total: 2 } });
    // A blank reason is no reason.
    expect(stateOf(statuses, 'clearInvoices')).toMatchObject({ state: 'missing' });
    expect(stateOf(statuses, 'clearInvoices')?.reason).toBeUndefined();
    // Met stays met; the reason is kept for the merchant to remove.
    expect(stateOf(statuses, 'campaignAndAdSpend')).toMatchObject({ state: 'met', reason: '见 P-001' });
  });

  it('shares one exhibit between requirements of different accusations', () => {
    const promo: ChecklistExhibit = { id: 'p', label: 'P-001', category: 'promotion' };
    const statuses = checklistStatus(items, [promo], orders(['p']));
    expect(stateOf(statuses, 'promotionPerOrder')).toMatchObject({ state: 'met', exhibits: [promo] });
    expect(stateOf(statuses, 'promotionPerOrder')?.item.accusations).toEqual(['realGoods', 'promotionBurst']);
    expect(stateOf(statuses, 'campaignAndAdSpend')).toMatchObject({ state: 'met', exhibits: [promo] });
  });
});
