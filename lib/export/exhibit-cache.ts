import 'server-only';
import { createHash } from 'node:crypto';
import { DOCUMENT_MESSAGES } from '@/lib/i18n/document-messages';
import { casePrefix, readAll, type BlobStore } from '@/lib/storage';
import type { Exhibit } from './collect';
import type { ScanSettings } from './derived-scan';
import type { ImageLevel } from './images';
import type { ExhibitWarning } from './exhibit-pages';
import type { Content } from './prepare';

/**
 * Bump when anything changes how an exhibit is read or its pages are typeset (text decoding, chat
 * parsing, caption, renderers, image placement, page marks): every cached exhibit is then read and
 * typeset again.
 */
export const LAYOUT_VERSION = 2;

/**
 * What the size fitting needs of an exhibit without reading it again, derived from its bytes alone:
 * the pixels its images have at the best step, those pixels weighted by how many bytes a pixel of
 * their source takes, and the source's format (lib/export/image-step.ts); its other bytes' estimate.
 */
export type ExhibitFacts = { imagePixels: number; imageWeight: number; imageFormat: string; estimate: number; attachable: boolean };

/** What the bundle needs of an exhibit's cached pages besides the pages themselves. */
export type ExhibitMeta = {
  pages: number;
  /** Bytes of the cached PDF: about what the exhibit adds to a bundle (it carries no font). */
  size: number;
  /** Pages the bundle typeset (caption, text, images): their text is re-encoded into the bundle's fonts. */
  typeset: number[];
  /** Per weight, each character drawn and its glyph codes in the drawing fonts (lib/pdf/fonts.ts drawingFonts). */
  codes: { regular: Array<[string, string]>; bold: Array<[string, string]> };
  /** [message, page]: from this chat message on, messages start on this page (for PageRefs.mark). */
  marks: Array<[number, number]>;
  missing: string[];
  warning?: ExhibitWarning;
};

const sha256 = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/** What the bytes decide: the original (by hash), how it was read at upload, and the layout code. */
function contentInputs(x: Exhibit, layout = LAYOUT_VERSION) {
  return { layout, sha256: x.sha256, kind: x.kind, size: x.size, check: [x.checkStatus, x.checkReason], preview: !!x.previewKey, video: x.video ?? null };
}

// The bundle's words change with a release: a caption in old words must not come back.
const wordsHash = new Map(Object.entries(DOCUMENT_MESSAGES).map(([language, m]) => [language, sha256([m.bundle, m.evidence.categories])]));

/**
 * The key of an exhibit's typeset pages: its bytes, its caption data, the document language and
 * words, the image step for exhibits that draw images (a chat log's pages do not depend on it), and
 * the reduced copy's settings for a PDF too big for a volume (they follow the size limit).
 * Under the case's prefix, so deleting a case deletes its cached pages too.
 */
export function pagesKey(caseId: string, x: Exhibit, language: string, imageLevel: ImageLevel | null, layout = LAYOUT_VERSION, scan: ScanSettings | null = null): string {
  const caption = [x.exhibitId, x.title, x.category, x.documentDate?.toISOString() ?? null, x.orderNos, x.originalName, x.description];
  // Spread only when set: the keys of everything else stay those earlier exports stored.
  return `${casePrefix(caseId)}cache/exhibit-pages/${sha256({ ...contentInputs(x, layout), caption, language, words: wordsHash.get(language), imageLevel, ...(scan ? { scan } : {}) })}`;
}

export function factsKey(caseId: string, x: Exhibit): string {
  return `${casePrefix(caseId)}cache/exhibit-facts/${sha256(contentInputs(x))}.json`;
}

async function readJson<T>(store: BlobStore, key: string): Promise<T | null> {
  const bytes = await readAll(store, key);
  if (!bytes) return null;
  try {
    return JSON.parse(bytes.toString('utf8')) as T;
  } catch {
    // A damaged entry is a miss: it is typeset again and overwritten.
    return null;
  }
}

export const readFacts = (store: BlobStore, key: string) => readJson<ExhibitFacts>(store, key);

/** What a chat log, a text or a table reads as: read for every export (the dossiers quote the chats), so kept as read. */
export type TextContent = Extract<Content, { kind: 'chat' | 'text' | 'sheets' }>;
const TEXT_KINDS = new Set(['chat', 'text', 'sheets']);
export const isTextContent = (content: Content): content is TextContent => TEXT_KINDS.has(content.kind);

/**
 * A text exhibit's content as it was read: decoding and parsing ten chat logs again was most of a
 * re-export's read phase (0.2 s of lane time); their JSON reads back in a few milliseconds.
 */
export function contentKey(caseId: string, x: Exhibit): string {
  return `${casePrefix(caseId)}cache/exhibit-content/${sha256(contentInputs(x))}.json`;
}

export async function readContent(store: BlobStore, key: string): Promise<TextContent | null> {
  const content = await readJson<Content>(store, key);
  return content && isTextContent(content) ? content : null;
}

export const writeContent = (store: BlobStore, key: string, content: TextContent) => store.put(key, Buffer.from(JSON.stringify(content)));
export const writeFacts = (store: BlobStore, key: string, facts: ExhibitFacts) => store.put(key, Buffer.from(JSON.stringify(facts)));

/** The cached meta, only when its pages are there too (the sweep may have taken either). */
export async function readPagesMeta(store: BlobStore, key: string): Promise<ExhibitMeta | null> {
  const meta = await readJson<ExhibitMeta>(store, `${key}.json`);
  if (!meta) return null;
  const pages = await store.get(`${key}.pdf`);
  if (!pages) return null;
  pages.destroy();
  return meta;
}

export const readPages = (store: BlobStore, key: string) => readAll(store, `${key}.pdf`);

/** The pages first, then the meta: a meta is only ever found beside whole pages. */
export async function writePages(store: BlobStore, key: string, bytes: Uint8Array, meta: ExhibitMeta): Promise<void> {
  await store.put(`${key}.pdf`, bytes);
  await store.put(`${key}.json`, Buffer.from(JSON.stringify(meta)));
}

/** An exhibit's image bytes at each step (lib/export/image-step.ts), from its bytes alone. */
export function levelsKey(caseId: string, x: Exhibit): string {
  return `${casePrefix(caseId)}cache/exhibit-levels/${sha256(contentInputs(x))}.json`;
}

/** Bytes at each of the four steps; null for a step not encoded yet (steps are tried best first, as far as needed). */
export type Levels = Array<number | null>;

export async function readLevels(store: BlobStore, key: string): Promise<Levels | null> {
  const levels = await readJson<unknown>(store, key);
  return Array.isArray(levels) && levels.length === 4 && levels.every((n) => n === null || typeof n === 'number') ? levels : null;
}

export const writeLevels = (store: BlobStore, key: string, levels: Levels) => store.put(key, Buffer.from(JSON.stringify(levels)));

/**
 * What the case's last export saved as one document (without originals) measured: the step it
 * chose, what fitImages (lib/export/bundle.ts) estimated it at, and what it came to. The next
 * export's estimate at that step goes by it, so a step that fit is kept while it still fits.
 */
export type FitRecord = { level: ImageLevel; estimated: number; actual: number };

export const fitKey = (caseId: string) => `${casePrefix(caseId)}cache/fit.json`;

export async function readFit(store: BlobStore, caseId: string): Promise<FitRecord | null> {
  const fit = await readJson<Partial<FitRecord>>(store, fitKey(caseId));
  return fit && typeof fit.level === 'number' && typeof fit.estimated === 'number' && typeof fit.actual === 'number' ? (fit as FitRecord) : null;
}

export const writeFit = (store: BlobStore, caseId: string, fit: FitRecord) => store.put(fitKey(caseId), Buffer.from(JSON.stringify(fit)));
