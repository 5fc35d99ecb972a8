import { describe, expect, it } from 'vitest';
import { defaultTitle, hasDefaultTitle } from './default-title';

describe('defaultTitle', () => {
  it.each([
    ['发票 照片.jpg', '发票 照片'],
    ['微信图片_20261111103000.jpg', '微信图片 20261111103000'],
    ['IMG__0042.JPEG', 'IMG 0042'],
    ['物流单-2026-11-11.pdf', '物流单-2026-11-11'],
    ['JD-1234-5678.pdf', 'JD-1234-5678'],
    ['archive.tar.gz', 'archive.tar'],
    ['no extension', 'no extension'],
    ['C:\\Users\\me\\Desktop\\合同.docx', '合同'],
    ['invoice\u202Egpj.exe', 'invoicegpj'],
    ['line\nbreak.txt', 'line break'],
    ['_.png', '_'],
    ['.pdf', 'file'],
  ])('%j becomes %j', (name, title) => {
    expect(defaultTitle(name)).toBe(title);
  });

  it('keeps long Chinese names within the title limit', () => {
    expect([...defaultTitle(`${'聊'.repeat(200)}.txt`)].length).toBeLessThanOrEqual(120);
  });
});

describe('hasDefaultTitle', () => {
  it('is true for the default, for the older raw default and for an empty title', () => {
    expect(hasDefaultTitle('微信图片 2026', '微信图片_2026.jpg')).toBe(true);
    expect(hasDefaultTitle('微信图片_2026', '微信图片_2026.jpg')).toBe(true);
    expect(hasDefaultTitle('  ', 'a.pdf')).toBe(true);
  });

  it('is false once the merchant wrote a title', () => {
    expect(hasDefaultTitle('11月11日 顺丰签收单', '微信图片_2026.jpg')).toBe(false);
  });
});
