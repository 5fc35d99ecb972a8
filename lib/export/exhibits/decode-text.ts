import iconv from 'iconv-lite';
import { decodeBytes } from '@/lib/orders/import/decode';
import { UnreadableExhibit } from './unreadable';

/** Encodings decodeBytes chooses on evidence (BOM, NUL pattern, strict UTF-8, CJK guess) rather than a weak guess. */
const TRUSTED = new Set(['utf-8', 'utf-16le', 'utf-16be', 'gb18030']);
/** Judging a few hundred lines is enough and keeps a 10 MB log fast. */
const SAMPLE_CHARS = 65536;

/**
 * The text of a chat log or note exhibit. Throws UnreadableExhibit('empty') for a blank file and
 * ('encoding') when the bytes do not decode to credible text: binary data, or an encoding
 * decodeBytes does not know (Shift_JIS read as GB18030 gives rare-character mojibake). Printing such
 * text would put gibberish into the appeal; a placeholder page is better. HTML exports become text.
 */
export function decodeEvidenceText(bytes: Uint8Array): string {
  const raw = decodeCredibleText(bytes);
  const text = looksLikeHtml(raw) ? htmlToText(raw) : raw;
  if (text.trim() === '') throw new UnreadableExhibit('empty');
  return text;
}

/**
 * decodeEvidenceText without the HTML step, for CSV files (a product export may hold HTML in its
 * cells). Line breaks come back as LF.
 */
export function decodeCredibleText(bytes: Uint8Array): string {
  const { text: raw, encoding } = decodeBytes(bytes);
  const sample = [...raw.slice(0, SAMPLE_CHARS)];
  const { visible, replacement, control, latin } = tally(sample);
  if (visible === 0) throw new UnreadableExhibit('empty');

  if (replacement / visible > 0.01) throw new UnreadableExhibit('encoding', `${encoding}: replacement characters`);
  // Text never holds C0 controls other than tab, line breaks and form feed; binary data is full of them.
  if (control / visible > 0.01) throw new UnreadableExhibit('encoding', `${encoding}: control characters`);
  if (!TRUSTED.has(encoding) && latin / visible > 0.1) {
    throw new UnreadableExhibit('encoding', `${encoding}: accented letters and symbols`);
  }
  if (encoding === 'gb18030' && looksJapanese(bytes, sample)) throw new UnreadableExhibit('encoding', 'Japanese text read as GB18030');

  return raw.replace(/\r\n?/g, '\n');
}

/** JavaScript's `\s`: the characters that are not visible. */
function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * The sample's characters counted in one pass (a regular expression per character and test took
 * a tenth of a second of every export for its ten chat logs): visible ones, U+FFFD, C0 controls
 * other than tab, line breaks and form feed, and accented Latin letters and typographic symbols.
 */
function tally(sample: readonly string[]) {
  let visible = 0;
  let replacement = 0;
  let control = 0;
  let latin = 0;
  for (const ch of sample) {
    const c = ch.codePointAt(0) ?? 0;
    if (!isSpace(c)) visible++;
    if (c === 0xfffd) replacement++;
    else if (c <= 0x08 || (c >= 0x0e && c <= 0x1f) || c === 0x7f) control++;
    else if ((c >= 0x80 && c <= 0x24f) || (c >= 0x2010 && c <= 0x2122)) latin++;
  }
  return { visible, replacement, control, latin };
}

/**
 * decodeBytes reads every CJK guess as GB18030. Japanese files then come out as mojibake: Shift_JIS
 * turns into GBK's rare characters (a Chinese text in traditional characters has some of those too,
 * but does not also decode cleanly as Shift_JIS); EUC-JP keeps its kana and garbles the kanji.
 */
function looksJapanese(bytes: Uint8Array, sample: readonly string[]): boolean {
  const rare = rareGbShare(bytes);
  if (rare > 0.85) return true;
  if (rare > 0.5 && !iconv.decode(toBuffer(bytes.subarray(0, SAMPLE_CHARS)), 'shift_jis').slice(0, -1).includes('\ufffd')) return true;
  const wide = sample.filter((ch) => ch >= '\u3040').length;
  return wide >= 10 && sample.filter((ch) => ch >= '\u3040' && ch <= '\u30ff').length > wide * 0.2;
}

/** The sample may end inside a character, so its last one does not count. */
function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Share of double-byte characters outside GB2312 (lead A1–F7, trail A1–FE). Chinese text written in
 * GBK is nearly all GB2312; Shift_JIS kana and most kanji land in GBK's rare-character areas.
 */
function rareGbShare(bytes: Uint8Array): number {
  let pairs = 0;
  let rare = 0;
  const end = Math.min(bytes.length, SAMPLE_CHARS);
  for (let i = 0; i < end; i++) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x81) continue;
    const trail = bytes[i + 1] ?? 0;
    pairs++;
    if (!(lead >= 0xa1 && lead <= 0xf7 && trail >= 0xa1 && trail <= 0xfe)) rare++;
    // GB18030 four-byte sequences have a digit as their second byte.
    i += trail >= 0x30 && trail <= 0x39 ? 3 : 1;
  }
  return pairs < 4 ? 0 : rare / pairs;
}

function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4096);
  return /<!doctype html|<html[\s>]/i.test(head) || (head.match(/<(?:br|p|div|span|table|tr|td|font|body)\b[^>]*>/gi)?.length ?? 0) >= 3;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ensp: ' ', emsp: ' ', middot: '·', hellip: '…', mdash: '—', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', yen: '¥' };

/** Visible text of an HTML chat export: source whitespace collapses as a browser would, block ends break lines. */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|head)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/\s+/g, ' ')
    .replace(/<br\s*\/?>|<\/(?:p|div|tr|li|h[1-6]|table|blockquote|pre)\s*>/gi, '\n')
    .replace(/<\/t[dh]\s*>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
      }
      return ENTITIES[name.toLowerCase()] ?? entity;
    });
  return text
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
