import { readFileSync } from 'node:fs';
import { PDFArray, PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { generatedPdf } from '../lib/evidence/inspect/test-fixtures';
import { pdfText } from '../lib/testing/pdf-read';
import { testDb } from './support/db';
import { exportAndDownload } from './support/export-bundle';
import { createExportableCase } from './support/exportable-case';
import { expect, test } from './support/fixtures';

test('references inserted by the picker and by typing print with their pages and link to their exhibits', async ({ page, user }) => {
  const c = await createExportableCase(user.id, '收到平台通知，称双十一期间订单异常。');
  await page.goto(`/cases/${c.id}/evidence`);
  await page.getByLabel('证据类别').selectOption('invoice');
  await page.getByLabel('选择文件').setInputFiles([{ name: '增值税发票.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await generatedPdf(3)) }]);
  await expect(page.getByTestId('uploads').getByRole('listitem').filter({ hasText: '已上传' })).toHaveCount(1);
  await page.getByLabel('证据类别').selectOption('chat');
  const chat = '2026-11-10 09:12:03 小雨点: 你好，充电宝还有货吗？\n2026-11-10 09:12:40 小明数码客服: 亲，有货的，今天发顺丰。\n';
  await page.getByLabel('选择文件').setInputFiles([{ name: '与买家的聊天.txt', mimeType: 'text/plain', buffer: Buffer.from(chat) }]);
  await expect(page.getByTestId('uploads').getByRole('listitem').filter({ hasText: '已上传' })).toHaveCount(2);

  await page.goto(`/cases/${c.id}/statement`);
  // 1. The picker: search by title, pick, and the reference lands at the cursor with its title beside it.
  const what = page.getByRole('textbox', { name: '事情经过', exact: true });
  await what.fill('收到平台通知，买家在下单前咨询过客服。');
  await what.press('End');
  await page.getByRole('button', { name: '插入引用: 事情经过' }).click();
  await page.getByRole('searchbox', { name: '按证据编号、标题、类别或订单号搜索' }).fill('聊天');
  await page.getByRole('button', { name: /C-001/ }).click();
  await expect(what).toHaveValue('收到平台通知，买家在下单前咨询过客服。[C-001]');
  const chips = page.locator('.section-block').filter({ has: what }).getByTestId('ref-chip');
  await expect(chips).toHaveText([/C-001\s*与买家的聊天/]);
  // 2. Typed by hand, with the full-width brackets a Chinese input method types.
  const why = page.getByRole('textbox', { name: '为什么这些订单是真实的', exact: true });
  await why.fill('每笔订单都开具了发票【B-001】，均为真实买家。');
  await expect(page.locator('.section-block').filter({ has: why }).getByTestId('ref-chip')).toHaveText([/B-001\s*增值税发票/]);
  await why.blur();
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
  // Stored by key: renumbering can no longer point them elsewhere.
  const stored = JSON.parse((await testDb().case.findUniqueOrThrow({ where: { id: c.id } })).statement) as Record<string, string>;
  expect(stored.whatHappened).toMatch(/\[\[ev:[a-z0-9-]+\]\]$/);
  expect(stored.whyGenuine).toMatch(/发票\[\[ev:[a-z0-9-]+\]\]，/);

  // 3. The review advises on the rest without blocking; the bundle prints and links both references.
  await page.goto(`/cases/${c.id}/review`);
  await expect(page.getByTestId('review-advice')).toContainText('证据说明了什么');
  // The paragraph is quoted once, closed by the message's own full stop: never “…。”。
  await expect(page.getByTestId('review-advice')).toContainText('“发票、物流底单与聊天记录”。');
  await expect(page.getByTestId('review-advice')).not.toContainText('。”。');
  const pdf = readFileSync(await exportAndDownload(page, c.id));
  const doc = await PDFDocument.load(pdf);
  const pages = doc.getPages().map((p) => p.ref.toString());
  let statementPage = 0;
  for (let p = 1; p <= 6 && !statementPage; p++) if ((await pdfText(pdf, { first: p, last: p })).includes('一、事情经过')) statementPage = p;
  expect(statementPage).toBeGreaterThan(0);
  const text = (await pdfText(pdf, { first: statementPage, last: statementPage })).replace(/\s+/g, ' ');
  const annots = doc.getPage(statementPage - 1).node.lookup(PDFName.of('Annots'), PDFArray);
  const targets = Array.from({ length: annots.size() }, (_, i) => pages.indexOf(annots.lookup(i, PDFDict).lookup(PDFName.of('Dest'), PDFArray).get(0).toString()));
  for (const id of ['C-001', 'B-001']) {
    const printed = new RegExp(`（证据 ${id}， ?第 ?(\\d+) ?页）`).exec(text);
    expect(printed, text).not.toBeNull();
    const pageNo = Number(printed![1]);
    expect(targets).toContain(pageNo - 1);
    // The page it names is the exhibit's first: stamped with its id, and the contents say the same.
    expect(await pdfText(pdf, { first: pageNo, last: pageNo })).toContain(id);
    const contents = new RegExp(`${id}\\s+\\S+[\\s.]+第 ?(\\d+) ?页`).exec(await pdfText(pdf, { first: 2, last: 2 }));
    expect(Number(contents?.[1])).toBe(pageNo);
  }

  // 4. The invoice is deleted: its reference shows in words, the merchant's text around it stays, and saving keeps it flagged.
  await page.goto(`/cases/${c.id}/evidence`);
  const invoice = page.getByTestId('evidence-invoice').getByRole('listitem');
  await invoice.getByText(/编辑信息与关联订单/).click();
  await invoice.getByRole('button', { name: '删除此文件' }).click();
  await invoice.getByRole('button', { name: '永久删除' }).click();
  await expect(page.getByTestId('evidence-invoice')).toHaveCount(0);
  await page.goto(`/cases/${c.id}/statement`);
  await expect(why).toHaveValue('每笔订单都开具了发票[已删除的证据]，均为真实买家。');
  await expect(page.locator('.section-block').filter({ has: why }).getByTestId('ref-chip')).toHaveText(['已删除的证据：此引用不会打印']);
  await why.press('End');
  await why.pressSequentially('另有签收记录。');
  await why.blur();
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
  const after = JSON.parse((await testDb().case.findUniqueOrThrow({ where: { id: c.id } })).statement) as Record<string, string>;
  expect(after.whyGenuine).toBe('每笔订单都开具了发票[已删除的证据]，均为真实买家。另有签收记录。');
  await page.goto(`/cases/${c.id}/review`);
  await expect(page.getByTestId('review-advice')).toContainText('申诉说明中的 [已删除的证据] 指向一份已删除的证据');
  await expect(page.locator('main')).not.toContainText('[[ev:');
});
