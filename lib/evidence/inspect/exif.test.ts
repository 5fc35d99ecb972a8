import { describe, expect, it } from 'vitest';
import { parseExifDate, readExifFacts } from './exif';

type BlockOptions = { little?: boolean; date?: string; offset?: string; gpsEntries?: number; prefix?: boolean };

/**
 * A TIFF-structured EXIF block written field by field, in either byte order: sharp writes only
 * little-endian, while many cameras (and all TIFFs from Macs of old) are big-endian.
 */
function exifBlock({ little = true, date, offset, gpsEntries = 0, prefix = true }: BlockOptions): Uint8Array {
  const view = new DataView(new ArrayBuffer(512));
  const bytes = new Uint8Array(view.buffer);
  view.setUint16(0, little ? 0x4949 : 0x4d4d);
  view.setUint16(2, 42, little);
  view.setUint32(4, 8, little);
  const entry = (at: number, tag: number, type: number, count: number, value: number) => {
    view.setUint16(at, tag, little);
    view.setUint16(at + 2, type, little);
    view.setUint32(at + 4, count, little);
    view.setUint32(at + 8, value, little);
  };
  // IFD0 at 8 with two pointers; Exif IFD at 64; GPS IFD at 128; strings from 256.
  view.setUint16(8, 2, little);
  entry(10, 0x8769, 4, 1, 64);
  entry(22, 0x8825, 4, 1, 128);
  const exifTags: Array<[number, string]> = [];
  if (date) exifTags.push([0x9003, date]);
  if (offset) exifTags.push([0x9011, offset]);
  view.setUint16(64, exifTags.length, little);
  let text = 256;
  exifTags.forEach(([tag, value], i) => {
    entry(66 + i * 12, tag, 2, value.length + 1, text);
    bytes.set(Buffer.from(`${value}\0`, 'latin1'), text);
    text += value.length + 1;
  });
  view.setUint16(128, gpsEntries, little);
  for (let i = 0; i < gpsEntries; i++) entry(130 + i * 12, i, 1, 4, 0x02020000);
  return prefix ? Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), bytes]) : bytes;
}

describe('readExifFacts', () => {
  it.each([true, false])('reads date, zone and GPS in either byte order (little-endian: %s)', (little) => {
    const block = exifBlock({ little, date: '2026:11:11 20:05:13', offset: '+09:00', gpsEntries: 1 });
    expect(readExifFacts(block)).toEqual({ takenAt: new Date('2026-11-11T11:05:13Z'), hasGps: true });
  });

  it('reads a block without the "Exif" prefix, as PNG and TIFF files hold it', () => {
    expect(readExifFacts(exifBlock({ date: '2026:01:02 03:04:05', prefix: false }))).toEqual({
      takenAt: new Date('2026-01-01T19:04:05Z'),
      hasGps: false,
    });
  });

  it('does not count an empty GPS block as a location', () => {
    expect(readExifFacts(exifBlock({ gpsEntries: 0 })).hasGps).toBe(false);
  });

  it('never throws on broken or hostile blocks', () => {
    expect(readExifFacts(undefined)).toEqual({ hasGps: false });
    expect(readExifFacts(Buffer.from('Exif\0\0MM'))).toEqual({ hasGps: false });
    const noise = Uint8Array.from({ length: 300 }, (_, i) => (i * 37) % 256);
    expect(() => readExifFacts(noise)).not.toThrow();
    const huge = exifBlock({ date: '2026:11:11 20:05:13' });
    new DataView(huge.buffer, huge.byteOffset).setUint16(6 + 64, 0xffff, true); // Exif IFD claims 65535 entries
    expect(readExifFacts(huge).takenAt).toBeUndefined();
  });
});

describe('parseExifDate', () => {
  it.each([
    ['0000:00:00 00:00:00', undefined],
    ['2026:02:31 10:00:00', undefined],
    ['    :  :     :  :  ', undefined],
    ['2026-11-11 20:05:13', undefined],
  ])('rejects the placeholder or impossible date %j', (value, expected) => {
    expect(parseExifDate(value)).toBe(expected);
  });

  it('ignores a malformed zone and falls back to +08:00', () => {
    expect(parseExifDate('2026:11:11 20:05:13', 'GMT+8')).toEqual(new Date('2026-11-11T12:05:13Z'));
  });
});
