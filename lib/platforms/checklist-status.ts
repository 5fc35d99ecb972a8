import type { EvidenceCategory } from '@/lib/evidence/categories';
import type { ChecklistItem, RequirementId } from './checklists';

/*
 * How far a case's exhibits answer its checklist. Pure: the pages and the bundle read the case and
 * pass plain values, so the same rules decide what the evidence step, the review step and the PDF say.
 */

export type ChecklistExhibit = {
  id: string;
  /** The exhibit id the bundle prints (B-001). */
  label: string;
  category: EvidenceCategory;
  /** What the merchant ticked this file as answering; absent: whatever its category answers by default. */
  requirementIds?: readonly RequirementId[];
};

/** A penalised order and the exhibits linked to it. */
export type FlaggedOrder = { orderNo: string; exhibitIds: readonly string[] };

export type RequirementState = 'met' | 'partly' | 'missing' | 'explained';

export type RequirementStatus = {
  item: ChecklistItem;
  state: RequirementState;
  /** The exhibits that answer it, in the order given. */
  exhibits: ChecklistExhibit[];
  /** Per-order requirements: how many penalised orders have such an exhibit linked. */
  orders?: { covered: number; total: number; uncovered: string[] };
  /** The merchant's reason why it cannot be provided (kept when the requirement is met anyway). */
  reason?: string;
};

export function answers(exhibit: ChecklistExhibit, item: ChecklistItem): boolean {
  return exhibit.requirementIds ? exhibit.requirementIds.includes(item.id) : item.categories.includes(exhibit.category);
}

/**
 * Each requirement 'met', 'partly' or 'missing'; one that is not met but for which the merchant gave
 * a reason is 'explained'. A per-order requirement is met when every penalised order has an answering
 * exhibit linked; answering exhibits linked to no penalised order make it only 'partly'. With no
 * penalised orders listed, a per-order requirement is judged like a case requirement.
 */
export function checklistStatus(
  items: readonly ChecklistItem[],
  exhibits: readonly ChecklistExhibit[],
  flaggedOrders: readonly FlaggedOrder[],
  reasons: Partial<Record<RequirementId, string>> = {},
): RequirementStatus[] {
  return items.map((item) => {
    const answering = exhibits.filter((exhibit) => answers(exhibit, item));
    const reason = reasons[item.id]?.trim() || undefined;
    let state: RequirementState = answering.length > 0 ? 'met' : 'missing';
    let orders: RequirementStatus['orders'];
    if (item.scope === 'perOrder' && flaggedOrders.length > 0) {
      const ids = new Set(answering.map((exhibit) => exhibit.id));
      const uncovered = flaggedOrders.filter((order) => !order.exhibitIds.some((id) => ids.has(id))).map((order) => order.orderNo);
      orders = { covered: flaggedOrders.length - uncovered.length, total: flaggedOrders.length, uncovered };
      if (answering.length > 0 && uncovered.length > 0) state = 'partly';
    }
    if (state !== 'met' && reason) state = 'explained';
    return { item, state, exhibits: answering, ...(orders && { orders }), ...(reason && { reason }) };
  });
}
