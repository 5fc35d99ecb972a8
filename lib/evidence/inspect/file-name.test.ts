import { describe, expect, it } from 'vitest';
import { contentDisposition, MAX_NAME_LENGTH, safeDisplayName } from './file-name';

describe('safeDisplayName', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\Windows\\win.ini', 'win.ini'],
    ['C:\\Users\\店主\\Desktop\\订单截图.png', '订单截图.png'],
    ['uploads/../聊天记录.txt', '聊天记录.txt'],
    ['..', 'file'],
    ['../', 'file'],
  ])('strips the path from %j', (raw, expected) => {
    expect(safeDisplayName(raw)).toBe(expected);
  });

  it('removes control characters, turning line breaks into spaces', () => {
    expect(safeDisplayName('a\u0000b\u0007c\u007f\u0085.txt')).toBe('abc.txt');
    expect(safeDisplayName('line\r\nbreak\tname.pdf')).toBe('line break name.pdf');
  });

  it('removes bidi overrides and isolates that disguise an extension', () => {
    expect(safeDisplayName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(safeDisplayName('\u202A\u202B\u202C\u202Dx\u2066\u2067\u2068\u2069.jpg')).toBe('x.jpg');
  });

  it('normalises to NFC and collapses whitespace, full-width spaces included', () => {
    const decomposed = 'Cafe\u0301.txt';
    expect(safeDisplayName(decomposed)).toBe('Caf\u00e9.txt');
    expect(safeDisplayName('  订单\u3000\u3000截图   2  .png ')).toBe('订单 截图 2.png');
  });

  it(`caps at ${MAX_NAME_LENGTH} characters and keeps the extension`, () => {
    const long = safeDisplayName(`${'x'.repeat(300)}.pdf`);
    expect(long).toHaveLength(MAX_NAME_LENGTH);
    expect(long.endsWith('x.pdf')).toBe(true);
  });

  it('never cuts a character outside the BMP in half', () => {
    const name = safeDisplayName(`${'😀'.repeat(200)}.jpg`);
    expect([...name]).toHaveLength(MAX_NAME_LENGTH);
    expect(name.endsWith('😀.jpg')).toBe(true);
    expect(() => encodeURIComponent(name)).not.toThrow(); // throws on a lone surrogate
  });

  it('treats an over-long or spaced "extension" as part of the name', () => {
    expect(safeDisplayName(`report.${'y'.repeat(200)}`)).toHaveLength(MAX_NAME_LENGTH);
    expect(safeDisplayName('v1. final draft')).toBe('v1. final draft');
  });

  it('falls back to "file" plus the extension when nothing is left', () => {
    expect(safeDisplayName('')).toBe('file');
    expect(safeDisplayName('   ')).toBe('file');
    expect(safeDisplayName('\u202E.pdf')).toBe('file.pdf');
    expect(safeDisplayName('dir/\u0000\u0001.png')).toBe('file.png');
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the UTF-8 name for Chinese names', () => {
    const header = contentDisposition('订单 截图.png');
    expect(header).toBe(`attachment; filename="__ __.png"; filename*=UTF-8''%E8%AE%A2%E5%8D%95%20%E6%88%AA%E5%9B%BE.png`);
    const encoded = header.split("filename*=UTF-8''")[1] ?? '';
    expect(decodeURIComponent(encoded)).toBe('订单 截图.png');
  });

  it('escapes quotes in the fallback and encodes what RFC 5987 does not allow', () => {
    const header = contentDisposition(`say "hi" it's (1)*.txt`);
    expect(header).toContain(`filename="say \\"hi\\" it's (1)*.txt"`);
    expect(header).toContain(`filename*=UTF-8''say%20%22hi%22%20it%27s%20%281%29%2A.txt`);
  });

  it('never lets a name inject a header line or a path', () => {
    const header = contentDisposition('a\r\nSet-Cookie: x=1/../../b.txt');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).toContain('filename="b.txt"');
  });

  it('supports inline display', () => {
    expect(contentDisposition('a.pdf', 'inline')).toBe(`inline; filename="a.pdf"; filename*=UTF-8''a.pdf`);
  });
});
