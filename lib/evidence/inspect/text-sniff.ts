import { decodeBytes } from '@/lib/orders/import/decode';

/*
 * Share of control or undecodable characters above which a file without magic bytes is binary, not
 * text. Real exports and logs have next to none; compressed or random data decodes to about 10%.
 */
const MAX_SUSPICIOUS_SHARE = 0.05;

export type TextSniff = { ok: true; text: string; encoding: string } | { ok: false };

/**
 * Decides whether bytes with no known magic number are text, by decoding them the way the order
 * import will (UTF-8, GBK, UTF-16) and counting what does not belong in text.
 */
export function sniffText(head: Uint8Array): TextSniff {
  const bytes = trimIncompleteUtf8(head);
  const { text, encoding } = decodeBytes(bytes);
  // Zero bytes are everywhere in binary formats and never in 8-bit or UTF-8 text.
  if (!encoding.startsWith('utf-16') && bytes.includes(0)) return { ok: false };

  let suspicious = 0;
  let total = 0;
  for (const char of text) {
    total++;
    if (isSuspicious(char)) suspicious++;
  }
  return suspicious > total * MAX_SUSPICIOUS_SHARE ? { ok: false } : { ok: true, text, encoding };
}

/** True when the text opens like an HTML document, as browsers would sniff it. */
export function looksLikeHtml(text: string): boolean {
  const start = text.replace(/^\uFEFF/, '').trimStart().slice(0, 64).toLowerCase();
  return /^<!doctype\s+html/.test(start) || /^<html[\s>]/.test(start);
}

/** Tabs, line breaks, form feeds and ESC (colour codes in terminal logs) are text; other controls and U+FFFD are not. */
function isSuspicious(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  if (code === 0xfffd) return true;
  if (code < 0x20) return ![0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1b].includes(code);
  return code === 0x7f || (code >= 0x80 && code <= 0x9f);
}

/**
 * A 64 KB head cut from a longer UTF-8 file may end inside a character; the strict UTF-8 decode
 * would then reject the whole head and fall back to guessing. Dropping the partial tail avoids that.
 */
function trimIncompleteUtf8(bytes: Uint8Array): Uint8Array {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back] ?? 0;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: keep looking for the lead
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? bytes.subarray(0, bytes.length - back) : bytes;
  }
  return bytes;
}
