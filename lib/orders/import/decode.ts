import chardet from 'chardet';
import iconv from 'iconv-lite';

export type DecodedText = {
  text: string;
  /** Lower-case name of the encoding used: utf-8, utf-16le, utf-16be, gb18030, or what chardet found. */
  encoding: string;
};

/** Enough text to judge an encoding by: a few hundred rows of a typical export. */
const SAMPLE_BYTES = 65536;

/*
 * chardet mixes up the CJK double-byte encodings on short samples (a 2-line GBK file comes out as
 * EUC-KR, Shift_JIS or windows-1251). Our users are mainland sellers, so any CJK verdict is read as
 * GB18030, a superset of GBK and GB2312 that also decodes the 4-byte sequences GBK lacks.
 */
const CJK_GUESSES = new Set(['GB18030', 'EUC-KR', 'BIG5', 'SHIFT_JIS', 'EUC-JP', 'ISO-2022-CN', 'ISO-2022-JP', 'ISO-2022-KR']);

/**
 * Turns an export file's bytes into text. Order of checks matters: a strict UTF-8 decode comes
 * first because chardet misdetects short Chinese UTF-8; BOMs and NUL patterns come before chardet
 * because they are certain where chardet only guesses. `forced` lets the user override a bad guess.
 */
export function decodeBytes(bytes: Uint8Array, forced?: string): DecodedText {
  // An unknown name from the browser is ignored rather than thrown on: detection still applies.
  if (forced && iconv.encodingExists(forced)) {
    return { text: stripBom(iconv.decode(toBuffer(bytes), forced)), encoding: forced.toLowerCase() };
  }

  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes.subarray(2), 'utf-16be');
  // Before UTF-8: BOM-less UTF-16 of ASCII text is also valid UTF-8 (zero bytes are legal there).
  const nulOrder = utf16ByNulBytes(bytes);
  if (nulOrder) return utf16(bytes, nulOrder);
  try {
    // fatal: a single invalid sequence means "not UTF-8"; ignoreBOM: false strips the BOM.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: fall through to the guesses below.
  }

  // chardet reads all it is given (4 s for a 10 MB export), so it gets a sample; the sample starts
  // at the first non-ASCII byte because a long ASCII-only start would tell it nothing.
  const firstHigh = Math.max(0, bytes.findIndex((b) => b >= 0x80));
  const sample = bytes.subarray(firstHigh, firstHigh + SAMPLE_BYTES);
  const matches = chardet.analyse(sample);
  const top = matches[0];
  const topName = top?.name.toUpperCase() ?? '';
  if (topName === 'UTF-16LE' || topName === 'UTF-16BE') return utf16(bytes, topName === 'UTF-16LE' ? 'utf-16le' : 'utf-16be');

  const cjk = CJK_GUESSES.has(topName) || matches.some((m) => m.name === 'GB18030');
  const weakSingleByte = !top || top.confidence < 50;
  if (cjk || (weakSingleByte && gbPairRatio(sample) >= 0.9)) {
    return { text: stripBom(iconv.decode(toBuffer(bytes), 'gb18030')), encoding: 'gb18030' };
  }
  const fallback = top && iconv.encodingExists(top.name) ? top.name : 'windows-1252';
  return { text: stripBom(iconv.decode(toBuffer(bytes), fallback)), encoding: fallback.toLowerCase() };
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodedText {
  return { text: stripBom(iconv.decode(toBuffer(bytes), encoding)), encoding };
}

/**
 * Every CSV has ASCII delimiters and line breaks, which UTF-16 writes with a zero byte beside them.
 * Text in any 8-bit encoding never contains zero bytes, so a sample full of them on one side is UTF-16.
 */
export function utf16ByNulBytes(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = bytes.subarray(0, 4096);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  }
  const pairs = sample.length / 2;
  if (odd > pairs * 0.2 && even < odd / 10) return 'utf-16le';
  if (even > pairs * 0.2 && odd < even / 10) return 'utf-16be';
  return null;
}

/** Share of high bytes that form GB2312 pairs (lead A1–F7, trail A1–FE): close to 1 for Chinese GBK text. */
function gbPairRatio(sample: Uint8Array): number {
  let high = 0;
  let paired = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i] ?? 0;
    if (b < 0x80) continue;
    const next = sample[i + 1] ?? 0;
    if (b >= 0xa1 && b <= 0xf7 && next >= 0xa1 && next <= 0xfe) {
      paired += 2;
      high += 2;
      i++;
    } else {
      high++;
    }
  }
  return high === 0 ? 0 : paired / high;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
