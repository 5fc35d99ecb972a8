import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { checkArchive, type ArchiveLimits } from './archive-limits';
import { readCentralDirectory } from './central-directory';
import { buildZip } from './test-zip';

const LIMITS: ArchiveLimits = { maxEntries: 10, maxTotalBytes: 4 * 1024 * 1024, maxRatio: 100, ratioFromBytes: 1024 * 1024 };
const text = (s: string) => new TextEncoder().encode(s);

describe('readCentralDirectory', () => {
  it('lists what an exceljs workbook holds, with sizes and where each entry starts', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('订单').addRow(['订单号', '1000001']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const { entries } = readCentralDirectory(bytes, 100);
    const sheet = entries?.find((entry) => entry.name === 'xl/worksheets/sheet1.xml');
    expect(sheet).toMatchObject({ method: 8 });
    expect(sheet && sheet.uncompressedSize > sheet.compressedSize).toBe(true);
    expect(await checkArchive(bytes, { ...LIMITS, maxEntries: 100 })).toMatchObject({ ok: true });
  });

  it('reads sizes from a ZIP64 extra field', () => {
    const bytes = buildZip([{ name: 'a.xml', data: text('<a/>'.repeat(100)), zip64: true }, { name: 'b.xml', data: text('<b/>') }]);
    const { entries } = readCentralDirectory(bytes, 10);
    expect(entries?.map((entry) => [entry.name, entry.uncompressedSize])).toEqual([['a.xml', 400], ['b.xml', 4]]);
    expect(entries?.[0]?.compressedSize).toBeLessThan(400);
  });

  it('does not walk a directory that declares more entries than asked for', () => {
    const bytes = buildZip(Array.from({ length: 12 }, (_, i) => ({ name: `f${i}`, data: text('x') })));
    expect(readCentralDirectory(bytes, 10)).toEqual({ count: 12, entries: null });
  });
});

describe('checkArchive', () => {
  it('accepts an ordinary archive', async () => {
    expect(await checkArchive(buildZip([{ name: 'a.xml', data: text('<a>订单</a>') }]), LIMITS)).toEqual({ ok: true, entries: 1, totalBytes: 13 });
  });

  it('refuses too many entries, too much in total, and an absurd ratio', async () => {
    const many = buildZip(Array.from({ length: 11 }, (_, i) => ({ name: `f${i}`, data: text('x') })));
    expect(await checkArchive(many, LIMITS)).toEqual({ ok: false, reason: 'tooManyEntries' });
    // 3 MB of varied bytes twice: ratio about 1:1, 6 MB in all.
    const varied = new Uint8Array(3 * 1024 * 1024).map((_, i) => (i * 2654435761) >>> 24);
    expect(await checkArchive(buildZip([{ name: 'a', data: varied }, { name: 'b', data: varied }]), LIMITS)).toEqual({ ok: false, reason: 'tooLarge' });
    // 2 MB of one letter deflates to about 2 KB: 1000:1.
    expect(await checkArchive(buildZip([{ name: 'sheet1.xml', data: new Uint8Array(2 * 1024 * 1024).fill(0x41) }]), LIMITS)).toEqual({ ok: false, reason: 'ratio' });
  });

  it('allows a high ratio on a small entry', async () => {
    expect(await checkArchive(buildZip([{ name: 'styles.xml', data: new Uint8Array(512 * 1024).fill(0x41) }]), LIMITS)).toMatchObject({ ok: true });
  });

  it('refuses an entry that inflates past the size it declares', async () => {
    const lie = buildZip([{ name: 'sheet1.xml', data: new Uint8Array(64 * 1024 * 1024), declaredSize: 1000 }]);
    expect(await checkArchive(lie, LIMITS)).toEqual({ ok: false, reason: 'sizeLie' });
  });

  it('refuses a stored entry bigger than the total whatever it declares, and damaged archives', async () => {
    const stored = buildZip([{ name: 'a', data: new Uint8Array(5 * 1024 * 1024), store: true, declaredSize: 10 }]);
    expect(await checkArchive(stored, LIMITS)).toEqual({ ok: false, reason: 'tooLarge' });
    const whole = buildZip([{ name: 'a.xml', data: text('<a/>') }]);
    expect(await checkArchive(whole.subarray(0, whole.length - 30), LIMITS)).toEqual({ ok: false, reason: 'malformed' });
    const corrupt = buildZip([{ name: 'a.xml', data: text('<a>订单</a>'.repeat(50)) }]);
    corrupt.fill(0xff, 35, 45);
    expect(await checkArchive(corrupt, LIMITS)).toEqual({ ok: false, reason: 'malformed' });
  });
});
