import 'server-only';
import { PDFDocument } from 'pdf-lib';
import { activeContent, type ActiveContent } from '@/lib/pdf/sanitise';
import { OBJECTS_PER_TICK } from '@/lib/pdf/save';
import { readAll, type BlobStore } from '@/lib/storage';
import type { Exhibit } from './collect';
import { parseChatLog, decodeEvidenceText, textCharacters, type ChatMessage } from './exhibits/text';
import { readSheets, sheetCharacters, type Sheet } from './exhibits/sheet';
import { UnreadableExhibit, type UnreadableReason } from './exhibits/unreadable';
import { prepareVideo, videoCharacters, type VideoContent } from './exhibits/video';
import { VIDEO_KINDS, type FileKind } from '@/lib/evidence/inspect/file-kind';
import { isLongImage, pageImages, type PageImage } from './images';
import { unlockPdf } from './unlock-pdf';
import { withOpenBytes } from './open-bytes';
import type { ExhibitFacts } from './exhibit-cache';
import type { ScanSettings } from './derived-scan';

/** Why an exhibit gets an explanation page instead of its content. */
export type PlaceholderReason = UnreadableReason | 'missing';

/** What an exhibit's pages will show, read and decoded ahead of layout. */
export type Content =
  | {
      kind: 'pdf';
      /** A permissions-only encrypted original, decrypted (the original stays as it is). */
      unlocked?: Uint8Array;
      /**
       * What the original carries that the merged pages leave out (lib/pdf/sanitise.ts): read on the
       * load that copies its pages (lib/export/exhibit-pages.ts), so each PDF is parsed once; unknown until then.
       */
      active?: ActiveContent[];
    }
  | { kind: 'images'; images: PageImage[] }
  | { kind: 'chat'; messages: ChatMessage[]; active?: ActiveContent[] }
  | { kind: 'text'; text: string; active?: ActiveContent[] }
  | { kind: 'sheets'; sheets: Sheet[] }
  | VideoContent
  | { kind: 'placeholder'; reason: PlaceholderReason }
  /** Not read: its pages come from the cache (lib/export/exhibit-cache.ts), and these facts stand in for it. */
  | { kind: 'cached'; facts: ExhibitFacts };
/** `scan`: a PDF too big for a volume on its own is shown as a reduced copy made this way (lib/export/derived-scan.ts). */
export type Prepared = { exhibit: Exhibit; content: Content; estimate: number; volume: number; scan?: ScanSettings };

const IMAGE_KINDS = new Set(['jpeg', 'png', 'webp', 'gif', 'tiff', 'heic']);
/**
 * Typeset text costs about 1.5 bytes a character once compressed (2-byte glyph codes plus
 * positioning, deflated); measured on the benchmark's chat logs. A little above, to stay safe.
 */
const TEXT_BYTES_PER_CHAR = 1.8;

/** Kinds of active content that keep an original out of the PDF's attachments (it travels in the ZIP only). */
const NOT_ATTACHED = new Set<ActiveContent>(['scripts', 'actions', 'media', 'embeddedFiles']);
/** A script element, an event handler attribute or a javascript: address in an HTML file. */
const HTML_SCRIPT = /<script\b|\son[a-z]+\s*=|javascript:/i;

/** Whether an exhibit's original may be attached inside the PDF: never when it carries scripts or the like. */
export function attachable(content: Content): boolean {
  // Videos run to hundreds of MB: the ZIP carries them, the PDF shows their contact sheet.
  if (content.kind === 'video') return false;
  if (content.kind === 'cached') return content.facts.attachable;
  // Not yet read: an original is attached only once it is known to carry nothing active.
  if (content.kind === 'pdf' && !content.active) return false;
  const active = 'active' in content ? (content.active ?? []) : [];
  return !active.some((a) => NOT_ATTACHED.has(a));
}

/** What a PDF carries beyond its pages' look; a PDF pdf-lib cannot parse is left to the merge to explain. */
export async function pdfActiveContent(bytes: Uint8Array | null): Promise<ActiveContent[]> {
  if (!bytes) return [];
  try {
    return await withOpenBytes(bytes.length, async () => activeContent(await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: false, parseSpeed: OBJECTS_PER_TICK })));
  } catch {
    return [];
  }
}

/** Reads a stored file again when an image is encoded; gone by then (deleted mid-export) is an error, not a blank. */
export function loader(store: BlobStore, key: string): () => Promise<Buffer> {
  return async () => (await readAll(store, key)) ?? Promise.reject(new Error(`${key} vanished during the export`));
}

function reasonOf(error: unknown, fallback: UnreadableReason): UnreadableReason {
  return error instanceof UnreadableExhibit ? error.reason : fallback;
}

/** Reads and decodes one exhibit into what its pages will show; anything unreadable becomes a placeholder. */
export async function prepare(exhibit: Exhibit, store: BlobStore): Promise<Content> {
  if (exhibit.kind === 'pdf') {
    // Read when its pages are typeset (a missing file is explained there).
    if (exhibit.checkStatus !== 'flagged') return { kind: 'pdf' };
    // Flagged at upload as encrypted or unreadable: never merged as it is. Encryption that only
    // restricts permissions can be lifted into a labelled copy; a password or damage cannot.
    if (!/encrypt/i.test(exhibit.checkReason)) return { kind: 'placeholder', reason: 'corrupt' };
    const original = await readAll(store, exhibit.storageKey);
    const unlocked = original && (await unlockPdf(original));
    return unlocked ? { kind: 'pdf', unlocked, active: await pdfActiveContent(unlocked) } : { kind: 'placeholder', reason: original ? 'encrypted' : 'missing' };
  }
  if (exhibit.kind === 'docx') return { kind: 'placeholder', reason: 'unsupported' };
  if (VIDEO_KINDS.has(exhibit.kind as FileKind)) return prepareVideo(exhibit, (key) => readAll(store, key));
  if ((exhibit.kind === 'jpeg' || exhibit.kind === 'heic') && exhibit.previewKey) {
    // A phone photo's upright 1600 px preview (made at upload from the original) holds all a page
    // shows at 180-200 DPI and decodes ten times faster than 12 megapixels. Long screenshots
    // need the original's full width, so they skip this; a HEIC never does: sharp cannot decode HEVC.
    const preview = await readAll(store, exhibit.previewKey);
    if (preview && (exhibit.kind === 'heic' || !(await isLongImage(preview).catch(() => true)))) {
      try {
        return { kind: 'images', images: await pageImages(preview, loader(store, exhibit.previewKey)) };
      } catch {
        // Fall through to the original.
      }
    }
  }
  const bytes = await readAll(store, exhibit.storageKey);
  if (!bytes) return { kind: 'placeholder', reason: 'missing' };
  try {
    if (IMAGE_KINDS.has(exhibit.kind)) {
      try {
        return { kind: 'images', images: await pageImages(bytes, loader(store, exhibit.storageKey)) };
      } catch {
        return { kind: 'placeholder', reason: 'undecodable' };
      }
    }
    if (exhibit.kind === 'csv' || exhibit.kind === 'xlsx') return { kind: 'sheets', sheets: await readSheets(bytes, exhibit.kind) };
    const text = decodeEvidenceText(bytes);
    // Shown as text, so nothing runs in the bundle; but the original is never attached inside it.
    // The raw bytes, since decoding drops the tags; NULs go so UTF-16 pages are read too.
    const active: ActiveContent[] = exhibit.kind === 'html' && HTML_SCRIPT.test(bytes.toString('latin1').replace(/\0/g, '')) ? ['scripts'] : [];
    const messages = parseChatLog(text);
    return messages ? { kind: 'chat', messages, active } : { kind: 'text', text, active };
  } catch (error) {
    return { kind: 'placeholder', reason: reasonOf(error, 'corrupt') };
  }
}

export function estimate(exhibit: Exhibit, content: Content): number {
  switch (content.kind) {
    case 'pdf':
      return exhibit.size;
    // Images are estimated from their pixels at the step the size fitting chooses (lib/export/image-step.ts).
    case 'images':
      return 2048;
    case 'chat':
      return content.messages.reduce((sum, m) => sum + m.text.length + m.speaker.length + 20, 0) * TEXT_BYTES_PER_CHAR;
    case 'text':
      return content.text.length * TEXT_BYTES_PER_CHAR;
    case 'sheets':
      return content.sheets.reduce((sum, s) => sum + s.rows.reduce((n, r) => n + r.join('').length + r.length * 4, 0), 0) * TEXT_BYTES_PER_CHAR;
    case 'video':
      return 4096;
    case 'placeholder':
      return 4096;
    case 'cached':
      return content.facts.estimate;
  }
}

/** What the size fitting needs of an exhibit's content, kept so that a later export need not read it again. */
export function factsOf(exhibit: Exhibit, content: Content): ExhibitFacts {
  if (content.kind === 'cached') return content.facts;
  const images = contentImages(content);
  return {
    imagePixels: images.reduce((sum, i) => sum + i.width * i.height, 0),
    imageWeight: images.reduce((sum, i) => sum + i.width * i.height * i.source.bytesPerPixel, 0),
    imageFormat: images[0]?.source.format ?? '',
    estimate: estimate(exhibit, content),
    attachable: attachable(content),
  };
}

/**
 * Whether an exhibit's pages draw images, and so depend on the image step; without working out
 * the rest of its facts (a chat log's estimate goes through every message).
 */
export function drawsImages(content: Content): boolean {
  return content.kind === 'cached' ? content.facts.imagePixels > 0 : contentImages(content).some((i) => i.width * i.height > 0);
}

/** The images an exhibit draws, which the size fitting may step down (photos, a video's contact sheet). */
export function contentImages(content: Content): PageImage[] {
  if (content.kind === 'images') return content.images;
  return content.kind === 'video' && content.sheet ? [content.sheet.image] : [];
}

/** Every character an exhibit's typeset pages draw, for the font subset. */
export function contentText(content: Content): string {
  switch (content.kind) {
    case 'chat':
      return textCharacters(content.messages);
    case 'text':
      return textCharacters(content.text);
    case 'sheets':
      return sheetCharacters(content.sheets);
    case 'video':
      return videoCharacters(content);
    default:
      return '';
  }
}
