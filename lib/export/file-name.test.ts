import { describe, expect, it } from 'vitest';
import { bundleFileName, chinaDateStamp, cleanNamePart } from './file-name';

// 16:30 UTC on 30 November is already 1 December in China.
const LATE = new Date('2026-11-30T16:30:00Z');

describe('bundleFileName', () => {
  it('names the bundle after the shop and the China date', () => {
    expect(bundleFileName('小鹿旗舰店', '双十一申诉', LATE, 'pdf')).toBe('申诉证据包_小鹿旗舰店_20261201.pdf');
    expect(bundleFileName('小鹿旗舰店', '双十一申诉', LATE, 'zip')).toBe('申诉证据包_小鹿旗舰店_20261201.zip');
  });

  it('falls back to the case title, then to the date alone', () => {
    expect(bundleFileName('', '双十一申诉', LATE, 'pdf')).toBe('申诉证据包_双十一申诉_20261201.pdf');
    expect(bundleFileName(' \t', '双十一申诉', LATE, 'pdf')).toBe('申诉证据包_双十一申诉_20261201.pdf');
    expect(bundleFileName('', '', LATE, 'pdf')).toBe('申诉证据包_20261201.pdf');
    expect(bundleFileName('???', '双十一申诉', LATE, 'zip')).toBe('申诉证据包_双十一申诉_20261201.zip');
    expect(bundleFileName('???', '', LATE, 'zip')).toBe('申诉证据包_20261201.zip');
  });

  it('cleans what Windows refuses and what could escape the folder', () => {
    expect(bundleFileName('../A/B\\C:店*"?<>|', '', LATE, 'zip')).toBe('申诉证据包_A_B_C_店_20261201.zip');
    expect(bundleFileName('店\u202Efdp.exe\n铺', '', LATE, 'pdf')).toBe('申诉证据包_店fdp.exe 铺_20261201.pdf');
  });
});

describe('cleanNamePart', () => {
  it('cuts to 60 code points without splitting a character outside the BMP', () => {
    const long = '𠮷'.repeat(70);
    expect([...cleanNamePart(long)]).toHaveLength(60);
    expect(cleanNamePart(long)).toBe('𠮷'.repeat(60));
  });

  it('drops leading and trailing dots, spaces and underscores, also where the cut lands', () => {
    expect(cleanNamePart('  ..发票.. ')).toBe('发票');
    expect(cleanNamePart(`${'a'.repeat(59)} b`)).toBe('a'.repeat(59));
    expect(cleanNamePart('..')).toBe('');
    expect(cleanNamePart('_草稿_')).toBe('草稿');
  });

  it('normalises to NFC so the same name is the same bytes', () => {
    expect(cleanNamePart('Cafe\u0301')).toBe('Caf\u00e9');
  });
});

describe('chinaDateStamp', () => {
  it('is the date in UTC+8', () => {
    expect(chinaDateStamp(new Date('2026-11-30T15:59:59Z'))).toBe('20261130');
    expect(chinaDateStamp(new Date('2026-11-30T16:00:00Z'))).toBe('20261201');
  });
});
