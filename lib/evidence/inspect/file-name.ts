/** Longest display name kept, in code points: enough for a descriptive Chinese name, short enough for a table cell. */
export const MAX_NAME_LENGTH = 120;
/** Longer "extensions" are part of the name, not a type, and are cut with it. */
const MAX_EXTENSION_LENGTH = 10;

/*
 * C0 and C1 controls (a newline in a name could split a header or a log line) and the bidi
 * embeddings, overrides and isolates: U+202E turns "invoice_fdp.exe" into what reads as
 * "invoice_exe.pdf", the classic trick to disguise a file's type.
 */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text as it may be shown or written anywhere a name appears (upload list, evidence items, ZIP
 * entries, manifest, captions): line breaks and tabs become spaces, and the controls and bidi
 * marks that could reorder or hide characters are dropped. The one shared rule for all of them.
 */
export function plainDisplayText(raw: string): string {
  return raw.normalize('NFC').replace(/\s+/g, ' ').replace(INVISIBLE, '').replace(/ {2,}/g, ' ').trim();
}

/**
 * Turns a name supplied by the browser into one that is safe to show and to store beside the file:
 * no directories, no invisible or direction-changing characters, NFC, at most 120 characters with
 * the extension kept. The original name is display data only; storage keys never derive from it.
 */
export function safeDisplayName(raw: string): string {
  // Windows browsers and old IE send full paths; both separators count, whatever the server runs on.
  const lastSegment = raw.split(/[/\\]/).pop() ?? '';
  // Tabs and newlines become spaces before the other controls go, so "a\tb" stays two words.
  const cleaned = plainDisplayText(lastSegment);
  // "." and ".." are directory references, not names.
  const name = /^\.+$/.test(cleaned) ? '' : cleaned;

  const { base, extension } = splitExtension(name);
  const room = MAX_NAME_LENGTH - [...extension].length;
  // Cut by code point so an emoji or a rare CJK character outside the BMP is never split in half.
  const cut = [...base].slice(0, room).join('').replace(/[\s.]+$/, '');
  return `${cut || 'file'}${extension}`;
}

function splitExtension(name: string): { base: string; extension: string } {
  const dot = name.lastIndexOf('.');
  if (dot < 0) return { base: name, extension: '' };
  const extension = name.slice(dot);
  const plausible = extension.length >= 2 && extension.length <= MAX_EXTENSION_LENGTH + 1 && !/\s/.test(extension);
  return plausible ? { base: name.slice(0, dot), extension } : { base: name, extension: '' };
}

/**
 * A Content-Disposition value per RFC 6266: a quoted ASCII `filename` for old clients, and
 * `filename*` (RFC 5987, UTF-8, percent-encoded) that every current browser prefers, so Chinese
 * names survive the download. The name is made safe first, so no header can be injected through it.
 */
export function contentDisposition(name: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const safe = safeDisplayName(name);
  const fallback = [...safe]
    .map((char) => (char >= ' ' && char <= '~' ? char : '_'))
    .join('')
    .replace(/[\\"]/g, '\\$&');
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(safe)}`;
}

/** encodeURIComponent leaves ' ( ) * alone, but RFC 5987's attr-char excludes them. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}
