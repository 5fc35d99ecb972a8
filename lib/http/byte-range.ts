/** Inclusive byte offsets, as HTTP's Range and Content-Range count them. */
export type ByteRange = { start: number; end: number };

/**
 * Reads a Range header for one file of `size` bytes (RFC 9110 §14.1.2). Only a single range is
 * honoured: a browser's <video> asks for one (Safari will not play a video served without them,
 * and seeking needs them everywhere); several ranges, or anything malformed, get the whole file,
 * which the RFC allows. `unsatisfiable`: a well-formed range wholly past the end (answer 416).
 */
export function parseRange(header: string | null, size: number): ByteRange | 'unsatisfiable' | null {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '');
  if (!match || (match[1] === '' && match[2] === '')) return null;
  const [first, last] = [match[1], match[2]];
  if (first === '') {
    // "bytes=-500": the last 500 bytes.
    const suffix = Number(last);
    if (suffix === 0) return 'unsatisfiable';
    return size === 0 ? 'unsatisfiable' : { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (last !== '' && Number(last) < start) return null;
  if (start >= size) return 'unsatisfiable';
  return { start, end };
}
