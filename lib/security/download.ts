import { contentDisposition } from '@/lib/evidence/inspect/file-name';
import { API_CSP } from './headers';

/**
 * Types a browser only ever shows as data (an image, plain text, a PDF in its viewer, a video) or hands to
 * another program (office files, archives): these keep their type, so the file opens in the
 * right application. Anything else (an HTML page, SVG, XML, script, a type we do not know yet)
 * could run in our origin if rendered, so it goes out as opaque bytes. An allow-list, so a kind
 * added later is safe until someone decides otherwise.
 */
const SHOWN_AS_DATA = new Set([
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'image/tiff',
  'image/heic',
  'text/plain',
  'text/csv',
  'application/pdf',
  // Played by the browser's media pipeline, never parsed as a document: the <video> in the evidence step.
  'video/mp4',
  'video/quicktime',
  'application/zip',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
]);

/** The type a stored file is served with: its own if harmless, else application/octet-stream. */
export function servedContentType(mime: string): string {
  const essence = mime.split(';')[0]?.trim().toLowerCase() ?? '';
  return SHOWN_AS_DATA.has(essence) ? essence : 'application/octet-stream';
}

type Download = { mime: string; name: string; size?: number };

/**
 * Headers for a file the user downloads: always an attachment under its own name (RFC 6266
 * filename*, so Chinese names survive), never sniffed, and sandboxed should it be rendered anyway.
 */
export function downloadHeaders({ mime, name, size }: Download): Record<string, string> {
  return {
    'Content-Type': servedContentType(mime),
    ...(size === undefined ? {} : { 'Content-Length': String(size) }),
    'Content-Disposition': contentDisposition(name),
    'Content-Security-Policy': API_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-store',
  };
}
