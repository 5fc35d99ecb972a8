import { describe, expect, it } from 'vitest';
import type { Exhibit } from './collect';
import { manifestCsv, manifestJson, manifestRows, type ManifestRow } from './manifest';

function exhibit(overrides: Partial<Exhibit>): Exhibit {
  return {
    evidenceId: 'e1',
    exhibitId: 'B-001',
    category: 'invoice',
    title: '发票',
    documentDate: null,
    description: '',
    orderNos: [],
    originalName: '发票.PDF',
    kind: 'pdf',
    mime: 'application/pdf',
    size: 1234,
    sha256: 'ab'.repeat(32),
    uploadedAt: new Date('2026-12-01T03:41:45Z'),
    storageKey: 'cases/c1/evidence/x',
    previewKey: null,
    checkStatus: 'ok',
    checkReason: '',
    ...overrides,
  };
}

const names = (exhibits: Exhibit[]) => manifestRows(exhibits).map((r) => r.fileName);

describe('manifestRows', () => {
  it('names each file by exhibit id and title with the original extension in lower case', () => {
    const [row] = manifestRows([exhibit({ exhibitId: 'C-003', category: 'chat', orderNos: ['1234567890123456789'], documentDate: new Date('2026-11-10T17:00:00Z') })]);
    expect(row).toEqual({
      exhibitId: 'C-003',
      title: '发票',
      category: 'chat',
      originalName: '发票.PDF',
      fileName: 'C-003_发票.pdf',
      type: 'application/pdf',
      size: 1234,
      sha256: 'ab'.repeat(32),
      uploadedAt: '2026-12-01T03:41:45.000Z',
      // 17:00 UTC is 01:00 the next day in China.
      documentDate: '2026-11-11',
      orders: ['1234567890123456789'],
    });
  });

  it('does not repeat an extension the title already carries', () => {
    expect(names([exhibit({ title: '发票.pdf', originalName: '发票.pdf' })])).toEqual(['B-001_发票.pdf']);
  });

  it('removes separators, controls and characters Windows refuses, and cuts long titles', () => {
    expect(names([exhibit({ title: '../3月/发票:第1张*?\u202E\t"终"' })])).toEqual(['B-001_3月_发票_第1张__ _终.pdf']);
    const [long] = names([exhibit({ title: '长'.repeat(100) })]);
    expect(long).toBe(`B-001_${'长'.repeat(60)}.pdf`);
  });

  it('falls back to the original name, then to the exhibit id alone', () => {
    expect(names([exhibit({ title: '***', originalName: '截图.png', mime: 'image/png', kind: 'png' })])).toEqual(['B-001_截图.png']);
    expect(names([exhibit({ title: '..', originalName: '截图.png', kind: 'png' })])).toEqual(['B-001_截图.png']);
    expect(names([exhibit({ title: '', originalName: '.jpg', kind: 'jpeg' })])).toEqual(['B-001.jpg']);
  });

  it('gives a file without an extension the canonical one of its detected kind', () => {
    expect(names([exhibit({ title: '聊天', originalName: '聊天', kind: 'jpeg', mime: 'image/jpeg' })])).toEqual(['B-001_聊天.jpg']);
    expect(names([exhibit({ title: '聊天', originalName: '聊天', kind: 'unknown' })])).toEqual(['B-001_聊天']);
  });

  it('keeps names unique, even to a case-insensitive file system', () => {
    const twins = [exhibit({ title: 'Invoice' }), exhibit({ title: 'INVOICE' }), exhibit({ title: 'invoice' })];
    expect(names(twins)).toEqual(['B-001_Invoice.pdf', 'B-001_INVOICE (2).pdf', 'B-001_invoice (3).pdf']);
  });
});

const row = (overrides: Partial<ManifestRow> = {}): ManifestRow => ({ ...manifestRows([exhibit({})])[0]!, ...overrides });

describe('manifestCsv', () => {
  it('starts with a BOM and the Chinese headers, ends lines with CRLF, names the category', () => {
    const csv = manifestCsv([row()], 'zh-CN');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split('\r\n')).toEqual([
      '证据编号,标题,类别,原始文件名,包内文件名,类型,大小（字节）,SHA-256,上传时间,文件日期,关联订单',
      `B-001,发票,发票,发票.PDF,B-001_发票.pdf,application/pdf,1234,${'ab'.repeat(32)},2026-12-01T03:41:45.000Z,,`,
      '',
    ]);
  });

  it('speaks English when the bundle does', () => {
    const lines = manifestCsv([row({ category: 'logistics' })], 'en').slice(1).split('\r\n');
    expect(lines[0]).toBe('Exhibit,Title,Category,Original file name,File in package,Type,Size (bytes),SHA-256,Uploaded at,Document date,Linked orders');
    expect(lines[1]?.split(',')[2]).toBe('Logistics proof');
  });

  it('quotes commas, quotes and line breaks as RFC 4180 says', () => {
    const line = manifestCsv([row({ title: '发票,"正本"\r\n第二行' })], 'zh-CN').slice(1).split('\r\n').slice(1, 3).join('\r\n');
    expect(line.startsWith('B-001,"发票,""正本""\r\n第二行",')).toBe(true);
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    const csv = manifestCsv([row({ title: '=HYPERLINK("http://x")', originalName: '@SUM(A1).pdf' }), row({ title: '+1', originalName: '-2' })], 'en');
    const [, first, second] = csv.slice(1).split('\r\n');
    expect(first).toContain(`,"'=HYPERLINK(""http://x"")",`);
    expect(first).toContain(`,'@SUM(A1).pdf,`);
    expect(second).toMatch(/^B-001,'\+1,Invoices,'-2,/);
  });

  it('keeps long order numbers as text for Excel and joins several with a space', () => {
    const single = manifestCsv([row({ orders: ['1234567890123456789'] })], 'zh-CN').split('\r\n')[1];
    expect(single?.endsWith(',"=""1234567890123456789"""')).toBe(true);
    const several = manifestCsv([row({ orders: ['1234567890123456789', '9876543210987654321'] })], 'zh-CN').split('\r\n')[1];
    expect(several?.endsWith(',1234567890123456789 9876543210987654321')).toBe(true);
  });

  it('leaves the package file name empty for an original that is missing', () => {
    const line = manifestCsv([row({ missing: true })], 'zh-CN').split('\r\n')[1];
    expect(line?.split(',').slice(3, 6)).toEqual(['发票.PDF', '', 'application/pdf']);
  });
});

describe('manifestJson', () => {
  it('is the meta and the rows, pretty printed', () => {
    const meta = { caseTitle: '双十一申诉', shopName: '小鹿旗舰店', platform: 'tmall', generatedAt: '2026-12-01T00:00:00.000Z' };
    const json = manifestJson([row({ missing: true })], meta);
    expect(JSON.parse(json)).toEqual({ ...meta, exhibits: [{ ...row(), missing: true }] });
    expect(json).toContain('\n  "exhibits": [\n');
  });
});
