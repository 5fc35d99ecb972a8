import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from './decode';
import { encodeGbk, encodeUtf16Le, encodeUtf8Bom, taobaoCsvText } from './test-fixtures';

const SHORT = '订单号,商品\n1,裙子';

describe('decodeBytes', () => {
  it('reads UTF-8 with a BOM and drops the BOM', () => {
    expect(decodeBytes(encodeUtf8Bom(SHORT))).toEqual({ text: SHORT, encoding: 'utf-8' });
  });

  it('reads short Chinese UTF-8 without a BOM, which chardet alone gets wrong', () => {
    expect(decodeBytes(Buffer.from(SHORT, 'utf8'))).toEqual({ text: SHORT, encoding: 'utf-8' });
  });

  it('reads UTF-16 LE and BE by their BOMs', () => {
    expect(decodeBytes(encodeUtf16Le(SHORT))).toEqual({ text: SHORT, encoding: 'utf-16le' });
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(SHORT, 'utf16be')]);
    expect(decodeBytes(be)).toEqual({ text: SHORT, encoding: 'utf-16be' });
  });

  it('reads BOM-less UTF-16 LE and BE from the zero bytes beside ASCII delimiters', () => {
    expect(decodeBytes(encodeUtf16Le(SHORT, false))).toEqual({ text: SHORT, encoding: 'utf-16le' });
    expect(decodeBytes(iconv.encode(SHORT, 'utf16be'))).toEqual({ text: SHORT, encoding: 'utf-16be' });
  });

  it('reads BOM-less UTF-16 of pure ASCII, which is also valid UTF-8', () => {
    const text = 'order,amount\r\n1234567890,99.00\r\n';
    expect(decodeBytes(iconv.encode(text, 'utf-16le'))).toEqual({ text, encoding: 'utf-16le' });
  });

  it('reads a two-line GBK file that chardet calls windows-1251 as GB18030', () => {
    expect(decodeBytes(encodeGbk(SHORT))).toEqual({ text: SHORT, encoding: 'gb18030' });
  });

  it('reads a whole Taobao GBK export as GB18030', () => {
    const text = taobaoCsvText();
    const decoded = decodeBytes(encodeGbk(text));
    expect(decoded.encoding).toBe('gb18030');
    expect(decoded.text).toBe(text);
  });

  it('decodes characters GBK lacks but GB18030 has (4-byte sequences)', () => {
    const text = '订单号,收货人\n123456,𠮷野家';
    expect(decodeBytes(iconv.encode(text, 'gb18030')).text).toBe(text);
  });

  it('finds GBK that only starts after a long ASCII-only stretch', () => {
    const text = `order,note\n${'100001,ok\n'.repeat(10_000)}100002,收货人王小明\n`;
    expect(decodeBytes(encodeGbk(text))).toEqual({ text, encoding: 'gb18030' });
  });

  it('ignores a forced encoding iconv does not know', () => {
    expect(decodeBytes(encodeGbk(SHORT), 'no-such-encoding').encoding).toBe('gb18030');
  });

  it('uses the encoding the user forces', () => {
    const decoded = decodeBytes(Buffer.from('café,1', 'latin1'), 'windows-1252');
    expect(decoded).toEqual({ text: 'café,1', encoding: 'windows-1252' });
  });
});
