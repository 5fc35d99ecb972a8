import { createCase, expect, test } from './support/fixtures';
import { shot } from './support/shots';

// A 千牛 export longer than the preview's 16 KB, mostly Chinese: cut mid-character, it once showed as GB18030 mojibake.
const LOG = '小雨点 2026-11-11 20:01:02\n你好，这款充电宝还有货吗？今天下单能发货吗？\ntb_店小二:客服A 2026-11-11 20:01:40\n亲，有货的，今天下单今天发货，顺丰包邮。\n'.repeat(300);

test('a long UTF-8 chat log previews as the Chinese it holds', async ({ page, user }) => {
  const c = await createCase(user.id);
  await page.goto(`/cases/${c.id}/evidence`);
  await page.getByLabel('证据类别').selectOption('chat');
  // One byte in front moves the 16 KB cut into the middle of a three-byte character.
  await page.getByLabel('选择文件').setInputFiles([{ name: '千牛聊天记录.txt', mimeType: 'text/plain', buffer: Buffer.from(`x${LOG}`, 'utf8') }]);
  await expect(page.getByTestId('uploads')).toContainText('已上传');

  await page.reload();
  const list = page.getByTestId('evidence-chat');
  await list.getByRole('listitem').first().getByText('查看内容').click();
  const preview = list.getByTestId('text-preview');
  await expect(preview).toContainText('小雨点 2026-11-11 20:01:02');
  await expect(preview).toContainText('tb_店小二:客服A 2026-11-11 20:01:40');
  await expect(preview).not.toContainText('\ufffd');
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await preview.scrollIntoViewIfNeeded();
    await shot(page, `text-preview-${width}`);
  }
});
