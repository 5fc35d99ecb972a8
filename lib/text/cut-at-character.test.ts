import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '@/lib/orders/import/decode';
import { cutAtCharacter } from './cut-at-character';

// Mostly Chinese, as a 千牛 export is: cut mid-character, chardet's verdict is GB18030.
const CHAT = '小雨点 2026-11-11 20:01:02\n你好，这款充电宝还有货吗？今天下单能发货吗？👍\n客服小王 2026-11-11 20:01:40\n亲，有货的，今天下单今天发货，顺丰包邮。\n'.repeat(200);

/** Every cut position in the first `span` bytes past `from`: one of them lands inside each character width. */
function cuts(bytes: Uint8Array, from: number, span: number) {
  return Array.from({ length: span }, (_, i) => ({ limit: from + i, part: cutAtCharacter(bytes, from + i) }));
}

describe('cutAtCharacter', () => {
  it('keeps a file shorter than the limit whole', () => {
    const bytes = Buffer.from('你好', 'utf8');
    expect(cutAtCharacter(bytes, 100)).toBe(bytes);
  });

  it('cuts UTF-8 before a character split at the limit, so it still reads as UTF-8 (it fell to GB18030 mojibake)', () => {
    const bytes = Buffer.from(CHAT, 'utf8');
    // The old preview: a raw byte cut in the middle of 你 is not UTF-8 any more.
    let mid = 16 * 1024;
    while (((bytes[mid] ?? 0) & 0xc0) !== 0x80) mid++;
    const raw = decodeBytes(bytes.subarray(0, mid));
    expect(raw.encoding).toBe('gb18030');
    expect(raw.text.startsWith('小雨点')).toBe(false);
    for (const { limit, part } of cuts(bytes, 16 * 1024 - 4, 8)) {
      expect(part.length).toBeLessThanOrEqual(limit);
      expect(part.length).toBeGreaterThan(limit - 4);
      const { text, encoding } = decodeBytes(part);
      expect(encoding).toBe('utf-8');
      expect(CHAT.startsWith(text)).toBe(true);
    }
  });

  it('keeps GB18030 lead and trail bytes together', () => {
    const text = '客服小王：亲，有货的，今天下单今天发货。\n'.repeat(900);
    const bytes = iconv.encode(text, 'gb18030');
    for (const { limit, part } of cuts(bytes, 16 * 1024 - 3, 6)) {
      expect(part.length).toBeLessThanOrEqual(limit);
      const decoded = decodeBytes(part);
      expect(decoded.encoding).toBe('gb18030');
      expect(text.startsWith(decoded.text)).toBe(true);
    }
  });

  it('keeps GB18030 four-byte characters whole', () => {
    const text = 'a€😀'.repeat(10); // € and 😀 are four-byte sequences in GB18030
    const bytes = iconv.encode(text, 'gb18030');
    const whole = new Set([0]);
    let at = 0;
    for (const ch of text) whole.add((at += iconv.encode(ch, 'gb18030').length));
    for (let limit = 1; limit < bytes.length; limit++) expect(whole.has(cutAtCharacter(bytes, limit).length)).toBe(true);
  });

  it('cuts UTF-16 at an even length and never between the halves of a surrogate pair', () => {
    for (const encoding of ['utf-16le', 'utf-16be'] as const) {
      const text = '客服: 好的👍 ok\r\n'.repeat(50);
      const bom = encoding === 'utf-16le' ? [0xff, 0xfe] : [0xfe, 0xff];
      const bytes = Buffer.concat([Buffer.from(bom), iconv.encode(text, encoding)]);
      for (let limit = 3; limit < 200; limit++) {
        const part = cutAtCharacter(bytes, limit);
        expect(part.length % 2).toBe(0);
        const decoded = decodeBytes(part);
        expect(decoded.encoding).toBe(encoding);
        expect(text.startsWith(decoded.text)).toBe(true);
      }
    }
  });
});
