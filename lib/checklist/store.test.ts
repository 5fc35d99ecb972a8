import { beforeEach, describe, expect, it } from 'vitest';
import { caseFacts } from '@/lib/cases/facts';
import { createCase } from '@/lib/cases/repository';
import { saveStep } from '@/lib/cases/save-step';
import { db } from '@/lib/db/client';
import { makeUser } from '@/lib/testing/factories';
import { loadCaseChecklist } from './query';
import { categoryDefaults, saveChecklistReason, saveRequirementTicks } from './store';

let owner: { id: string };
let caseId: string;
beforeEach(async () => {
  owner = await makeUser();
  caseId = (await createCase(owner.id, { title: '申诉', platform: 'taobao', appealDeadline: null })).id;
  await saveStep(owner.id, caseId, 'basics', 1, { accusations: ['promotionBurst'] });
});

const state = async (id: string) => (await loadCaseChecklist(caseId))?.find((s) => s.item.id === id);

async function addEvidence(category: string) {
  const sha256 = category.padEnd(64, '0');
  return db.evidence.create({ data: { caseId, storageKey: sha256, sha256, size: 1, mime: 'image/png', kind: 'image', originalName: 'a.png', uploadedBy: owner.id, category, position: 1 } });
}

describe('requirement ticks', () => {
  it('lets a file answer a requirement its category does not, and goes back to the default', async () => {
    const chat = await addEvidence('chat');
    expect((await state('campaignRecords'))?.state).toBe('missing');
    const shown = ['campaignRecords', 'shippingProof'] as const;
    expect(await saveRequirementTicks(caseId, chat.id, { mode: 'custom', ticked: ['campaignRecords'], shown })).toBe(true);
    expect((await state('campaignRecords'))?.state).toBe('met');
    // buyerChats is not shown for this accusation: its category default survives the tick.
    const stored = JSON.parse((await db.evidence.findUniqueOrThrow({ where: { id: chat.id } })).requirementIds ?? 'null') as string[];
    expect(stored.sort()).toEqual(['buyerChats', 'campaignRecords']);
    await saveRequirementTicks(caseId, chat.id, { mode: 'default', ticked: [], shown });
    expect((await db.evidence.findUniqueOrThrow({ where: { id: chat.id } })).requirementIds).toBeNull();
    expect((await state('campaignRecords'))?.state).toBe('missing');
  });

  it('unticking the default takes the file off the requirement', async () => {
    const promo = await addEvidence('promotion');
    expect((await state('campaignRecords'))?.state).toBe('met');
    await saveRequirementTicks(caseId, promo.id, { mode: 'custom', ticked: [], shown: ['campaignRecords', 'shippingProof'] });
    expect((await state('campaignRecords'))?.state).toBe('missing');
  });

  it("refuses a file of another case", async () => {
    const other = (await createCase(owner.id, { title: '别的', platform: 'taobao', appealDeadline: null })).id;
    const chat = await addEvidence('chat');
    expect(await saveRequirementTicks(other, chat.id, { mode: 'default', ticked: [], shown: [] })).toBe(false);
  });

  it('knows the category defaults of a platform, none for an unknown one', () => {
    expect(categoryDefaults('taobao', 'logistics')).toEqual(expect.arrayContaining(['shippingProof', 'courierCertificate']));
    expect(categoryDefaults('ebay', 'logistics')).toEqual([]);
  });
});

describe('cannot-provide reasons', () => {
  it('explains a missing requirement, which then no longer warns; removing the reason brings the warning back', async () => {
    await saveChecklistReason(caseId, 'campaignRecords', '活动是线下做的，没有截图');
    expect(await state('campaignRecords')).toMatchObject({ state: 'explained', reason: '活动是线下做的，没有截图' });
    expect((await caseFacts(caseId)).checklistUnmet?.map((u) => u.id)).not.toContain('campaignRecords');
    await saveChecklistReason(caseId, 'campaignRecords', '');
    expect((await state('campaignRecords'))?.state).toBe('missing');
    expect((await caseFacts(caseId)).checklistUnmet?.map((u) => u.id)).toContain('campaignRecords');
  });
});
