import { utf16ByNulBytes } from '@/lib/orders/import/decode';

/**
 * The first bytes of a text file, at most `limit`, ending on a whole character. A preview cut in
 * the middle of a UTF-8 character is no longer valid UTF-8, so decodeBytes would fall through to
 * its GB18030 guess and show the whole preview as mojibake. The encoding is not known yet, so the
 * cut follows what the bytes are: UTF-16 (by BOM or zero bytes) keeps whole code units and
 * surrogate pairs; UTF-8 backs up over continuation bytes; anything else is walked as GB18030
 * (one byte below 0x81, else two, or four when the second is a digit).
 */
export function cutAtCharacter(bytes: Uint8Array, limit: number): Uint8Array {
  if (bytes.length <= limit) return bytes;
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : utf16ByNulBytes(bytes);
  if (utf16) return bytes.subarray(0, utf16End(bytes, limit, utf16 === 'utf-16le'));
  const utf8 = bytes.subarray(0, utf8End(bytes, limit));
  if (isUtf8(utf8)) return utf8;
  return bytes.subarray(0, gb18030End(bytes, limit));
}

function utf16End(bytes: Uint8Array, limit: number, littleEndian: boolean): number {
  let end = limit - (limit % 2);
  // A high surrogate whose low half was cut off goes too.
  const high = littleEndian ? bytes[end - 1] : bytes[end - 2];
  if (end >= 2 && high !== undefined && high >= 0xd8 && high <= 0xdb) end -= 2;
  return end;
}

function utf8End(bytes: Uint8Array, limit: number): number {
  let end = limit;
  // bytes[end] is the first byte left out: while it continues a character, that character is cut.
  for (let back = 0; back < 3 && end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80; back++) end--;
  return end;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function gb18030End(bytes: Uint8Array, limit: number): number {
  let i = 0;
  while (i < limit) {
    const lead = bytes[i] ?? 0;
    const second = bytes[i + 1] ?? 0;
    const size = lead < 0x81 ? 1 : second >= 0x30 && second <= 0x39 ? 4 : 2;
    if (i + size > limit) break;
    i += size;
  }
  return i;
}
