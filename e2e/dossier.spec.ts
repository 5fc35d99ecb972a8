import { pdfText } from '../lib/testing/pdf-read';
import { testDb } from './support/db';
import { exportAndDownload } from './support/export-bundle';
import { createExportableCase } from './support/exportable-case';
import { expect, test } from './support/fixtures';

const ORDER = '3012345678901234801';

test('the exported bundle has a page for the flagged order, with its chat line and the page that line is on', async ({ page, user }) => {
  const c = await createExportableCase(user.id);
  await testDb().order.updateMany({ where: { caseId: c.id, orderNo: ORDER }, data: { trackingHistory: '2026-11-10 16:02:11 【深圳市】顺丰速运 已收取快件\n2026-11-12 14:30:00 【杭州市】已签收' } });

  await page.goto(`/cases/${c.id}/evidence`);
  await page.getByLabel('证据类别').selectOption('chat');
  const chat = `2026-11-10 09:12:03 小雨点: 我的订单${ORDER}发了吗？\n2026-11-10 09:12:40 小明数码客服: 亲，已发顺丰 SF1234567890123。\n`;
  await page.getByLabel('选择文件').setInputFiles([{ name: '聊天记录.txt', mimeType: 'text/plain', buffer: Buffer.from(chat) }]);
  await expect(page.getByTestId('uploads').getByRole('listitem').filter({ hasText: '已上传' })).toHaveCount(1);

  const file = await exportAndDownload(page, c.id);

  // Pages are separated by form feeds; the dossier is the page titled with the order alone on its line.
  const pages = (await pdfText(file)).split('\f');
  const at = pages.findIndex((text, i) => i > 1 && new RegExp(`^订单 ${ORDER}\\s*$`, 'm').test(text));
  expect(at).toBeGreaterThan(1);
  const dossier = pages[at] ?? '';
  for (const expected of ['顺丰速运 SF1234567890123', '符合该快递公司的单号格式', '【杭州市】已签收', `我的订单${ORDER}发了吗`, '已发顺丰 SF1234567890123']) expect(dossier).toContain(expected);
  // Both chat lines name a page, and that page holds the line.
  const labels = [...dossier.matchAll(/C-001[^\n]*第 (\d+) 页/g)].map((m) => Number(m[1]));
  expect(labels).toHaveLength(2);
  for (const n of labels) expect(pages[n - 1]).toContain('已发顺丰');
});
