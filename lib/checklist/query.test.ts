import { beforeEach, describe, expect, it } from 'vitest';
import { caseFacts } from '@/lib/cases/facts';
import { createCase } from '@/lib/cases/repository';
import { saveStep } from '@/lib/cases/save-step';
import { db } from '@/lib/db/client';
import { upsertOrders } from '@/lib/orders/repository';
import { makeUser } from '@/lib/testing/factories';
import { loadCaseChecklist } from './query';

let owner: { id: string };
let caseId: string;
beforeEach(async () => {
  owner = await makeUser();
  caseId = (await createCase(owner.id, { title: '申诉', platform: 'douyin', appealDeadline: null })).id;
});

async function addEvidence(category: string, sha256: string) {
  return db.evidence.create({
    data: { caseId, storageKey: sha256, sha256, size: 1, mime: 'image/png', kind: 'image', originalName: `${sha256}.png`, uploadedBy: owner.id, category, position: 1 },
  });
}

describe('loadCaseChecklist', () => {
  it('is null until the basics step names an accusation, which autosave stores in a stable order', async () => {
    expect(await loadCaseChecklist(caseId)).toBeNull();
    expect(await saveStep(owner.id, caseId, 'basics', 1, { accusations: ['promotionBurst', 'realGoods', 'realGoods'] })).toMatchObject({ ok: true });
    expect((await db.case.findUniqueOrThrow({ where: { id: caseId } })).accusations).toBe('["realGoods","promotionBurst"]');
    expect(await saveStep(owner.id, caseId, 'basics', 2, { accusations: ['madeUp'] })).toMatchObject({ ok: false, error: 'invalid' });
  });

  it("reads files and flagged orders' links into the statuses the review warns about", async () => {
    await saveStep(owner.id, caseId, 'basics', 1, { accusations: ['realGoods'] });
    await upsertOrders(caseId, [{ orderNo: '301' }, { orderNo: '302' }], 'paste', { flagged: true });
    const waybill = await addEvidence('logistics', 'a'.repeat(64));
    const order = await db.order.findFirstOrThrow({ where: { caseId, orderNo: '301' } });
    await db.evidenceOrder.create({ data: { evidenceId: waybill.id, orderId: order.id } });

    const statuses = await loadCaseChecklist(caseId);
    const waybillItem = statuses?.find((s) => s.item.id === 'waybillWithWeight');
    expect(waybillItem).toMatchObject({ state: 'partly', orders: { covered: 1, total: 2, uncovered: ['302'] } });
    expect(waybillItem?.item.source?.document.titles).toContain('《商家申诉举证标准》');
    expect((await caseFacts(caseId)).checklistUnmet).toContainEqual({ id: 'waybillWithWeight', state: 'partly' });
  });
});
