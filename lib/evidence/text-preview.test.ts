import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { blobStore } from '@/lib/storage';
import { textPreview } from './text-preview';

// A 千牛 export, mostly Chinese, longer than the preview reads (16 KB).
const LOG = '小雨点 2026-11-11 20:01:02\n你好，这款充电宝还有货吗？今天下单能发货吗？\ntb_店小二:客服A 2026-11-11 20:01:40\n亲，有货的，今天下单今天发货，顺丰包邮。\n'.repeat(300);

async function previewOf(bytes: Uint8Array) {
  const key = `cases/preview-test/${Math.random().toString(36).slice(2)}`;
  await blobStore().put(key, bytes);
  return textPreview(key);
}

describe('textPreview', () => {
  it('shows a UTF-8 chat log cut at its byte limit as Chinese, not GB18030 mojibake', async () => {
    for (let pad = 0; pad < 3; pad++) {
      // Each pad shifts where the 16 KB limit falls inside a three-byte character.
      const preview = await previewOf(Buffer.from('x'.repeat(pad) + LOG, 'utf8'));
      expect(preview?.slice(pad).startsWith('小雨点 2026-11-11 20:01:02\n你好，这款充电宝')).toBe(true);
      expect(preview).not.toContain('\ufffd');
      expect(preview?.split('\n')).toHaveLength(40);
    }
  });

  it('shows GB18030 and UTF-16 logs cut at the limit', async () => {
    expect(await previewOf(iconv.encode(LOG, 'gb18030'))).toBe(LOG.split('\n').slice(0, 40).join('\n'));
    expect(await previewOf(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('a' + LOG, 'utf-16le')]))).toBe(('a' + LOG).split('\n').slice(0, 40).join('\n'));
  });
});
