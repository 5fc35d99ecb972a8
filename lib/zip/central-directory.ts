/** One file in a ZIP archive as its central directory declares it; `dataOffset` is where its compressed bytes start. */
export type ZipEntry = { name: string; method: number; crc32: number; compressedSize: number; uncompressedSize: number; dataOffset: number };

/** `entries` is null when the archive declares more than the caller will look at. */
export type ZipDirectory = { count: number; entries: ZipEntry[] | null };

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

export class MalformedZip extends Error {}

/**
 * Reads a ZIP archive's central directory (APPNOTE.TXT 4.3.12–4.3.16, ZIP64 included) without
 * inflating anything, so what an archive claims to hold can be judged before a reader unpacks it.
 * It reads the same records JSZip (and so exceljs) reads: the central directory for sizes and the
 * local header for where the data starts. Throws MalformedZip when the structure does not add up.
 */
export function readCentralDirectory(bytes: Uint8Array, maxEntries: number): ZipDirectory {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => (at + 2 <= bytes.length ? view.getUint16(at, true) : bad('truncated'));
  const u32 = (at: number) => (at + 4 <= bytes.length ? view.getUint32(at, true) : bad('truncated'));
  const u64 = (at: number) => (at + 8 <= bytes.length ? Number(view.getBigUint64(at, true)) : bad('truncated'));

  const eocd = findEndRecord(bytes, view);
  let count = u16(eocd + 10);
  let offset = u32(eocd + 16);
  if (count === 0xffff || offset === MAX32) {
    const locator = eocd - 20;
    if (locator < 0 || u32(locator) !== ZIP64_LOCATOR) bad('ZIP64 locator missing');
    const record = u64(locator + 8);
    if (u32(record) !== ZIP64_EOCD) bad('ZIP64 end record missing');
    count = u64(record + 32);
    offset = u64(record + 48);
  }
  // Judged before the loop: a directory claiming millions of entries is refused without walking it.
  if (count > maxEntries) return { count, entries: null };

  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (u32(at) !== CENTRAL) bad('central directory entry expected');
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const sizes = { uncompressed: u32(at + 24), compressed: u32(at + 20), local: u32(at + 42) };
    readZip64Extra(at + 46 + nameLength, extraLength, sizes, u16, u64);
    if (u32(sizes.local) !== LOCAL) bad('local header expected');
    entries.push({
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: u16(at + 10),
      crc32: u32(at + 16),
      compressedSize: sizes.compressed,
      uncompressedSize: sizes.uncompressed,
      dataOffset: sizes.local + 30 + u16(sizes.local + 26) + u16(sizes.local + 28),
    });
    at += 46 + nameLength + extraLength + u16(at + 32);
  }
  return { count, entries };
}

/** The end-of-central-directory record sits in the last 22 bytes plus at most a 65,535-byte comment. */
function findEndRecord(bytes: Uint8Array, view: DataView): number {
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === EOCD) return at;
  }
  return bad('end of central directory not found');
}

type Sizes = { uncompressed: number; compressed: number; local: number };

/** ZIP64 extra field (id 1): 8-byte values, present only for the 32-bit fields that read 0xFFFFFFFF, in this order. */
function readZip64Extra(start: number, length: number, sizes: Sizes, u16: (at: number) => number, u64: (at: number) => number) {
  for (let at = start; at + 4 <= start + length; at += 4 + u16(at + 2)) {
    if (u16(at) !== 0x0001) continue;
    let field = at + 4;
    for (const key of ['uncompressed', 'compressed', 'local'] as const) {
      if (sizes[key] !== MAX32) continue;
      sizes[key] = u64(field);
      field += 8;
    }
  }
}

function bad(why: string): never {
  throw new MalformedZip(why);
}
