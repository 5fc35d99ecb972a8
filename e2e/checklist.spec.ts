import sharp from 'sharp';
import { pdfText } from '../lib/testing/pdf-read';
import { testDb } from './support/db';
import { exportAndDownload } from './support/export-bundle';
import { createExportableCase } from './support/exportable-case';
import { createCase, expect, test } from './support/fixtures';
import { shot } from './support/shots';

const SHOTS = process.env.SHOTS_DIR;

test('pick an accusation, see what the checklist is missing, upload what meets it, see it met', async ({ page, user }) => {
  const c = await createCase(user.id, { platform: 'taobao' });

  // Nothing picked yet: the evidence step points back to the basics step.
  await page.goto(`/cases/${c.id}/evidence`);
  await expect(page.getByTestId('checklist')).toContainText('还没有选择平台指控的类型');

  await page.goto(`/cases/${c.id}/basics`);
  await page.getByRole('checkbox', { name: '活动带来的订单激增' }).check();
  await expect.poll(async () => (await testDb().case.findUniqueOrThrow({ where: { id: c.id } })).accusations).toBe('["promotionBurst"]');
  await page.reload();
  await expect(page.getByRole('checkbox', { name: '活动带来的订单激增' })).toBeChecked();

  await page.goto(`/cases/${c.id}/evidence`);
  const campaign = page.getByTestId('checklist').locator('[data-requirement="campaignRecords"]');
  await expect(campaign).toHaveAttribute('data-state', 'missing');
  await expect(campaign).toContainText('缺少');
  // Taobao publishes no evidence list: the item says it is our advice, not the platform's rule.
  await expect(campaign).toContainText('来源：我们的建议');

  const screenshot = await sharp({ create: { width: 600, height: 400, channels: 3, background: '#f97316' } }).png().toBuffer();
  await page.getByLabel('证据类别').selectOption('promotion');
  await page.getByLabel('选择文件').setInputFiles([{ name: '双十一活动页面.png', mimeType: 'image/png', buffer: screenshot }]);
  await expect(page.getByTestId('uploads')).toContainText('已上传');

  await expect(campaign).toHaveAttribute('data-state', 'met');
  await expect(campaign).toContainText('已满足');
  await expect(campaign).toContainText('满足的证据：P-001');
  await expect(page.getByTestId('checklist').locator('[data-requirement="shippingProof"]')).toHaveAttribute('data-state', 'missing');
  if (SHOTS) {
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 900 });
      await shot(page.getByTestId('checklist'), `cklui-evidence-${width}`);
    }
  }

  // The review step lists the requirement still unmet as a warning to acknowledge, and not the met one.
  await page.goto(`/cases/${c.id}/review`);
  await expect(page.getByText('平台清单要求的证据还没有：每笔被处罚订单的发货凭证')).toBeVisible();
  await expect(page.getByText(/平台清单要求的证据还没有：活动记录/)).toHaveCount(0);
  if (SHOTS) {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`/cases/${c.id}/basics`);
    await shot(page.locator('#field-accusations'), `cklui-basics-1280`);
    await page.setViewportSize({ width: 360, height: 900 });
    await shot(page.locator('#field-accusations'), `cklui-basics-360`);
  }
});

test('tick a file as meeting a requirement its category does not, explain another, and read both on the bundle\'s checklist page', async ({ page, user }) => {
  const c = await createExportableCase(user.id);
  // Tmall, a promotion burst: real shopping and the abnormality explained (Tmall's rule), campaign records and shipping proof.
  // The two per-order items stay unmet here; their warnings are acknowledged so the export can run.
  await testDb().case.update({
    where: { id: c.id },
    data: { accusations: '["promotionBurst"]', acknowledged: JSON.stringify(['deadlineSoon', 'windowUnverified', 'noFlaggedOrders', 'checklist.shippingProof', 'checklist.realShopping']) },
  });

  await page.goto(`/cases/${c.id}/evidence`);
  await page.getByLabel('证据类别').selectOption('chat');
  const chat = '2026-11-10 09:12:03 小雨点: 双十一直播间看到的，还有货吗？\n2026-11-10 09:12:40 小明数码客服: 有的，直播间专享价。\n';
  await page.getByLabel('选择文件').setInputFiles([{ name: '直播间聊天.txt', mimeType: 'text/plain', buffer: Buffer.from(chat) }]);
  await expect(page.getByTestId('uploads')).toContainText('已上传');

  const checklist = page.getByTestId('checklist');
  const abnormality = checklist.locator('[data-requirement="abnormalityExplained"]');
  await expect(abnormality).toHaveAttribute('data-state', 'missing');
  const ticks = page.getByTestId('evidence-chat').getByTestId('requirement-ticks');
  // Pre-ticked from its category: a chat answers "real shopping", not "why it looks abnormal".
  await expect(ticks).toContainText('按类别默认');
  await expect(ticks.getByRole('checkbox', { name: '证明异常订单来自真实购物' })).toBeChecked();
  await ticks.getByRole('checkbox', { name: '说明这些订单为何看起来异常' }).check();
  await expect(abnormality).toHaveAttribute('data-state', 'met');
  await expect(abnormality).toContainText('满足的证据：C-001');
  await expect(ticks).toContainText('已手动选择');
  // Back to the default, and the requirement is missing again; then ticked for good.
  await ticks.getByRole('button', { name: '恢复按类别默认' }).click();
  await expect(abnormality).toHaveAttribute('data-state', 'missing');
  await expect(ticks).toContainText('按类别默认');
  await ticks.getByRole('checkbox', { name: '说明这些订单为何看起来异常' }).check();
  await expect(abnormality).toHaveAttribute('data-state', 'met');

  const campaign = checklist.locator('[data-requirement="campaignRecords"]');
  await expect(campaign).toHaveAttribute('data-state', 'missing');
  await campaign.getByText('无法提供？写明原因').click();
  await campaign.getByLabel('无法提供这项证据的原因').fill('活动在线下门店举办，没有线上报名页面');
  await campaign.getByRole('button', { name: '保存原因' }).click();
  await expect(campaign).toHaveAttribute('data-state', 'explained');
  await expect(campaign.getByTestId('checklist-reason')).toContainText('活动在线下门店举办');
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await shot(ticks, `cklx-ticks-${width}`);
    await shot(checklist, `cklx-panel-${width}`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });

  // Explained: no warning for it on the review step, so the bundle can be made.
  await page.goto(`/cases/${c.id}/review`);
  await expect(page.getByText(/平台清单要求的证据还没有：活动记录/)).toHaveCount(0);
  const file = await exportAndDownload(page, c.id);
  // Cover, contents, then the checklist page.
  const text = await pdfText(file, { first: 3 });
  expect(text).toContain('申诉证据清单');
  expect(text).toContain('活动带来的订单激增');
  expect(text).toContain('【已满足】说明这些订单为何看起来异常');
  expect(text).toContain('《虚假交易的规则及实施细则》');
  expect(text).toMatch(/C-001\s+直播间聊天\s+第 ?\d+ ?页/);
  expect(text).toContain('无法提供的原因：活动在线下门店举办，没有线上报名页面');
  expect(text).toContain('已覆盖 0/1 笔被处罚订单');
  // The same bundle's dossier page for the flagged order.
  const pages = (await pdfText(file)).split('\f');
  const dossier = pages.find((page) => /^订单 3012345678901234801\s*$/m.test(page)) ?? '';
  for (const words of ['快递与运单号', '顺丰速运 SF1234567890123', '关联证据', '聊天记录中']) expect(dossier).toContain(words);
});
