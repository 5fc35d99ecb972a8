/** What the evidence check needs from EXIF: when the photo was taken, and whether it says where. */
export type ExifFacts = { takenAt?: Date; hasGps: boolean };

const TAG_EXIF_IFD = 0x8769;
const TAG_GPS_IFD = 0x8825;
const TAG_DATE_TIME_ORIGINAL = 0x9003;
const TAG_OFFSET_TIME_ORIGINAL = 0x9011;
/** Real IFDs hold a few dozen entries; a larger count means a corrupt or hostile block. */
const MAX_ENTRIES = 1024;
const TYPE_SIZES: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4 };

/*
 * EXIF times carry no zone unless OffsetTimeOriginal is set, which older phones omit. Our users are
 * mainland sellers photographing in China, so a zone-less time is read as China Standard Time.
 */
const DEFAULT_OFFSET = '+08:00';

type Entry = { type: number; count: number; valueAt: number };
type Tiff = { view: DataView; little: boolean };

/**
 * Reads DateTimeOriginal and the presence of a GPS block from a raw EXIF block as sharp returns it
 * (`metadata().exif`: "Exif\0\0" then a TIFF structure; PNG's eXIf chunk lacks the prefix), or from
 * a whole TIFF file. Never throws: a broken block simply yields no date.
 */
export function readExifFacts(raw: Uint8Array | undefined): ExifFacts {
  const tiff = raw ? openTiff(raw) : null;
  if (!tiff) return { hasGps: false };
  const ifd0 = readIfd(tiff, u32(tiff, 4));
  if (!ifd0) return { hasGps: false };

  const gpsPointer = ifd0.get(TAG_GPS_IFD);
  // A pointer to a block we cannot read still claims a location: count it, to err towards privacy.
  const gps = gpsPointer ? readIfd(tiff, u32(tiff, gpsPointer.valueAt)) : undefined;
  const hasGps = gpsPointer !== undefined && (gps === null || (gps?.size ?? 0) > 0);

  const exifPointer = ifd0.get(TAG_EXIF_IFD);
  const exif = exifPointer ? readIfd(tiff, u32(tiff, exifPointer.valueAt)) : null;
  const date = exif ? ascii(tiff, exif.get(TAG_DATE_TIME_ORIGINAL)) : undefined;
  const offset = exif ? ascii(tiff, exif.get(TAG_OFFSET_TIME_ORIGINAL)) : undefined;
  return { hasGps, takenAt: date ? parseExifDate(date, offset) : undefined };
}

/** "2026:11:11 20:05:13" plus an optional "+08:00"; placeholders such as "0000:00:00 00:00:00" give undefined. */
export function parseExifDate(value: string, offset?: string): Date | undefined {
  const match = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(value.trim());
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second] = match;
  const zone = offset && /^[+-]\d{2}:\d{2}$/.test(offset.trim()) ? offset.trim() : DEFAULT_OFFSET;
  const date = new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}${zone}`);
  if (Number.isNaN(date.getTime())) return undefined;
  // Date rolls 31 February over into March; EXIF written by a broken clock should not be "corrected".
  const roundTrip = new Date(date.getTime() + zoneMinutes(zone) * 60_000).toISOString().slice(0, 10);
  return roundTrip === `${year}-${month}-${day}` ? date : undefined;
}

function zoneMinutes(zone: string): number {
  const sign = zone.startsWith('-') ? -1 : 1;
  return sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
}

function openTiff(raw: Uint8Array): Tiff | null {
  const start = raw.length >= 6 && String.fromCharCode(...raw.subarray(0, 4)) === 'Exif' ? 6 : 0;
  if (raw.length < start + 8) return null;
  const view = new DataView(raw.buffer, raw.byteOffset + start, raw.byteLength - start);
  const order = view.getUint16(0);
  if (order !== 0x4949 && order !== 0x4d4d) return null;
  const little = order === 0x4949;
  return view.getUint16(2, little) === 42 ? { view, little } : null;
}

function readIfd(tiff: Tiff, offset: number | undefined): Map<number, Entry> | null {
  const { view, little } = tiff;
  if (offset === undefined || offset < 8 || offset + 2 > view.byteLength) return null;
  const count = view.getUint16(offset, little);
  if (count > MAX_ENTRIES || offset + 2 + count * 12 > view.byteLength) return null;
  const entries = new Map<number, Entry>();
  for (let i = 0; i < count; i++) {
    const at = offset + 2 + i * 12;
    const type = view.getUint16(at + 2, little);
    const valueCount = view.getUint32(at + 4, little);
    const size = (TYPE_SIZES[type] ?? 1) * valueCount;
    // Values of four bytes or fewer sit in the entry itself; longer ones are elsewhere, by offset.
    const valueAt = size <= 4 ? at + 8 : view.getUint32(at + 8, little);
    if (valueAt + size <= view.byteLength) entries.set(view.getUint16(at, little), { type, count: valueCount, valueAt });
  }
  return entries;
}

function u32(tiff: Tiff, at: number): number | undefined {
  return at + 4 <= tiff.view.byteLength ? tiff.view.getUint32(at, tiff.little) : undefined;
}

function ascii(tiff: Tiff, entry: Entry | undefined): string | undefined {
  if (!entry || entry.type !== 2) return undefined;
  const bytes = new Uint8Array(tiff.view.buffer, tiff.view.byteOffset + entry.valueAt, entry.count);
  const end = bytes.indexOf(0);
  return new TextDecoder('latin1').decode(end === -1 ? bytes : bytes.subarray(0, end));
}
