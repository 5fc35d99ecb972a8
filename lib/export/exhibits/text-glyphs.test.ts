import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { createCase } from '@/lib/cases/repository';
import { acceptUpload } from '@/lib/evidence/accept-upload';
import { blobStore } from '@/lib/storage';
import { makeUser } from '@/lib/testing/factories';
import { pdfText } from '@/lib/testing/pdf-read';
import { buildBundle } from '../bundle';
import { collectBundleData } from '../collect';

const now = new Date('2026-11-22T04:00:00Z');
const dir = mkdtempSync(path.join(tmpdir(), 'text-glyphs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Emoji as phones send them: astral code points, a heart with U+FE0F, a family joined by ZWJ, a flag,
// a keycap; and a stray ZWJ before any of them, which made fontkit draw every later emoji blank.
const CHAT_A = ['2026-11-10 09:12:02 小雨点: 在吗\u200d', '2026-11-10 09:12:03 小雨点: 收到了👍谢谢❤️', '2026-11-10 09:12:40 小明数码客服: 不客气😊 全家👨‍👩‍👧都满意就好', '2026-11-10 09:13:00 小雨点: 好评🇨🇳 五星1️⃣'].join('\n');
const CHAT_B = ['2026-11-11 10:00:00 买家阿强: 到了吗🤔', '2026-11-11 10:01:00 小明数码客服: 已签收✅ 👍'].join('\n');

async function emojiCase() {
  const user = await makeUser('王小明');
  const caseId = (await createCase(user.id, { title: '表情聊天记录', platform: 'taobao', appealDeadline: null })).id;
  for (const [name, text] of [['聊天A.txt', CHAT_A], ['聊天B.txt', CHAT_B]] as const) {
    const outcome = await acceptUpload({ userId: user.id, caseId, fileName: name, category: 'chat', body: Readable.from([Buffer.from(text, 'utf8')]) });
    if (!outcome.ok) throw new Error(outcome.error);
  }
  return caseId;
}

async function exportText(caseId: string) {
  const out = await buildBundle(await collectBundleData(caseId), blobStore(), { maxBytes: 20 * 1024 * 1024, attachOriginals: false, now });
  const file = path.join(dir, `b-${Math.random()}.pdf`);
  writeFileSync(file, out.volumes[0]!.bytes);
  return { out, file, text: await pdfText(file) };
}

describe('emoji in chat logs', () => {
  it('draws the same text and reports the same missing characters on every export', async () => {
    const caseId = await emojiCase();
    const first = await exportText(caseId);
    const second = await exportText(caseId);
    const emoji = ['👍', '❤', '😊', '👨', '👩', '👧', '🇨', '🇳', '⃣', '🤔', '✅'];
    expect(first.out.missingGlyphs).toEqual(emoji);
    expect(second.out.missingGlyphs).toEqual(first.out.missingGlyphs);
    expect(second.text).toEqual(first.text);
    // Each one a visible box where it was, none left blank; the 👍 of both logs.
    expect(first.text).toContain('收到了□谢谢□');
    expect(first.text).toContain('全家□□□都满意');
    expect(first.text).toContain('已签收□ □');
  }, 60_000);
});
