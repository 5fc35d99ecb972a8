import { fileTypeFromBuffer, type FileTypeResult } from 'file-type';
import { safeDisplayName } from './file-name';
import { looksLikeHtml, sniffText } from './text-sniff';

export type FileKind = 'pdf' | 'jpeg' | 'png' | 'webp' | 'gif' | 'tiff' | 'text' | 'csv' | 'html' | 'xlsx' | 'docx' | 'heic' | 'mp4' | 'mov';

export type KindResult =
  | { ok: true; kind: FileKind; mime: string }
  | { ok: false; reason: 'empty' | 'unsupportedType' | 'mismatch' | 'executable'; detected?: string };

/** How much of a file detectKind needs: magic numbers, ZIP directory entries, a text sample. */
export const HEAD_BYTES = 64 * 1024;

/** Extensions a file of each kind may carry; the first is the canonical one. */
export const KINDS: Record<FileKind, { extensions: readonly string[]; mime: string }> = {
  pdf: { extensions: ['pdf'], mime: 'application/pdf' },
  jpeg: { extensions: ['jpg', 'jpeg', 'jfif'], mime: 'image/jpeg' },
  png: { extensions: ['png'], mime: 'image/png' },
  webp: { extensions: ['webp'], mime: 'image/webp' },
  gif: { extensions: ['gif'], mime: 'image/gif' },
  tiff: { extensions: ['tif', 'tiff'], mime: 'image/tiff' },
  text: { extensions: ['txt', 'log'], mime: 'text/plain' },
  csv: { extensions: ['csv'], mime: 'text/csv' },
  html: { extensions: ['html', 'htm'], mime: 'text/html' },
  xlsx: { extensions: ['xlsx'], mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  docx: { extensions: ['docx'], mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  // iPhone photos. HEIF is the container, HEIC the HEVC-coded kind phones write; one kind for both.
  heic: { extensions: ['heic', 'heif', 'hif'], mime: 'image/heic' },
  // Phones name their MP4s .mp4 or .m4v; an iPhone's QuickTime file is .mov.
  mp4: { extensions: ['mp4', 'm4v'], mime: 'video/mp4' },
  mov: { extensions: ['mov', 'qt'], mime: 'video/quicktime' },
};

/** Kinds held to the video limit (EVIDENCE_MAX_VIDEO_MB) rather than the general one. */
export const VIDEO_KINDS: ReadonlySet<FileKind> = new Set(['mp4', 'mov']);

/** file-type's names for the kinds we accept; an animated PNG is still a PNG to every decoder. */
const BY_DETECTED: Record<string, FileKind> = {
  pdf: 'pdf', jpg: 'jpeg', png: 'png', apng: 'png', webp: 'webp', gif: 'gif', tif: 'tiff', xlsx: 'xlsx', docx: 'docx', heic: 'heic',
  mp4: 'mp4', m4v: 'mp4', mov: 'mov',
};

/** Programs, installers and files that run something when opened: never evidence, whatever the name. */
const EXECUTABLES = new Set(['exe', 'elf', 'macho', 'wasm', 'class', 'jar', 'apk', 'crx', 'xpi', 'deb', 'rpm', 'lnk', 'reg', 'chm']);

/** Names Windows or a shell would run on a double click: refused as programs even when the content is plain text. */
const RUNNABLE_EXTENSIONS = new Set(['exe', 'com', 'scr', 'pif', 'msi', 'dll', 'bat', 'cmd', 'ps1', 'psm1', 'vbs', 'vbe', 'js', 'jse', 'wsf', 'wsh', 'hta', 'sh', 'command', 'app', 'jar', 'apk', 'lnk', 'reg']);

const TEXT_KINDS: readonly FileKind[] = ['text', 'csv', 'html'];

/**
 * Decides what an upload is from its content, then checks that its name agrees. The extension
 * never decides the type: a name is whatever the user (or an attacker) typed. A missing extension
 * is allowed and the content decides alone.
 */
export async function detectKind({ head, fileName, whole }: { head: Uint8Array; fileName: string; whole?: () => Promise<Uint8Array> }): Promise<KindResult> {
  if (head.length === 0) return { ok: false, reason: 'empty' };
  const extension = extensionOf(fileName);

  const script = scriptMagic(head);
  if (script) return { ok: false, reason: 'executable', detected: script };

  let detected: FileTypeResult | undefined;
  try {
    detected = await fileTypeFromBuffer(head);
    // TIFF points to its image directory by offset, and writers may put it after the image data.
    if (!detected && whole && head.length >= HEAD_BYTES && isTiffHeader(head)) detected = await fileTypeFromBuffer(await whole());
  } catch {
    // A container file-type cannot walk (a corrupt ZIP, say) is nothing we could read either.
    return { ok: false, reason: 'unsupportedType' };
  }
  if (detected?.ext === 'heic' && !isHevcHeif(head)) return { ok: false, reason: 'unsupportedType', detected: 'avif' };
  return detected ? judgeDetected(detected.ext, extension) : judgeText(head, extension);
}

function judgeDetected(detected: string, extension: string): KindResult {
  if (EXECUTABLES.has(detected)) return { ok: false, reason: 'executable', detected };
  const kind = BY_DETECTED[detected];
  if (!kind) return { ok: false, reason: 'unsupportedType', detected };
  if (extension && !KINDS[kind].extensions.includes(extension)) return { ok: false, reason: 'mismatch', detected };
  return { ok: true, kind, mime: KINDS[kind].mime };
}

function judgeText(head: Uint8Array, extension: string): KindResult {
  if (RUNNABLE_EXTENSIONS.has(extension)) return { ok: false, reason: 'executable', detected: extension };
  const claimed = kindOfExtension(extension);
  if (extension && !claimed) return { ok: false, reason: 'unsupportedType' };

  const sniff = sniffText(head);
  if (!sniff.ok) return { ok: false, reason: 'unsupportedType' };
  if (sniff.text.trim() === '') return { ok: false, reason: 'empty' };

  const content: FileKind = looksLikeHtml(sniff.text) ? 'html' : 'text';
  if (!claimed) return { ok: true, kind: content, mime: KINDS[content].mime };
  // Only an .html name may hold HTML: served as .txt or .csv, a browser could still sniff and run it.
  const agrees = claimed === 'html' || (TEXT_KINDS.includes(claimed) && content !== 'html');
  if (!agrees) return { ok: false, reason: 'mismatch', detected: content };
  return { ok: true, kind: claimed, mime: KINDS[claimed].mime };
}

function kindOfExtension(extension: string): FileKind | undefined {
  return (Object.keys(KINDS) as FileKind[]).find((kind) => KINDS[kind].extensions.includes(extension));
}

/** The lower-case extension of the name as it will be shown, so a bidi trick cannot hide the real one. */
function extensionOf(fileName: string): string {
  const name = safeDisplayName(fileName);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** "II*\0" or "MM\0*": the only header whose format file-type may need the whole file to confirm. */
function isTiffHeader(head: Uint8Array): boolean {
  return (head[0] === 0x49 && head[1] === 0x49 && head[2] === 0x2a && head[3] === 0) || (head[0] === 0x4d && head[1] === 0x4d && head[2] === 0 && head[3] === 0x2a);
}

/** Brands of HEVC-coded HEIF: a still image, an image collection, or a sequence with a still in it. */
const HEVC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs']);

/**
 * file-type names any "mif1"/"msf1" file HEIC by its major brand alone, but AVIF writers use those
 * too, listing "avif" among the compatible brands: AV1 is not what libheif-js decodes (and AVIF is
 * no kind we accept). A generic HEIF with neither brand is tried as HEIC; the decoder decides.
 */
function isHevcHeif(head: Uint8Array): boolean {
  const size = Math.min(new DataView(head.buffer, head.byteOffset, head.byteLength).getUint32(0), head.length);
  const brands: string[] = [];
  // ftyp: size, "ftyp", major brand, minor version, then compatible brands to the end of the box.
  for (let at = 8; at + 4 <= size; at += at === 8 ? 8 : 4) brands.push(String.fromCharCode(...head.subarray(at, at + 4)));
  if (brands.some((brand) => HEVC_BRANDS.has(brand))) return true;
  return !brands.some((brand) => brand === 'avif' || brand === 'avis');
}

/** file-type recognises compiled programs but not scripts: "#!" makes any text file runnable on Unix. */
function scriptMagic(head: Uint8Array): string | undefined {
  const start = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  return head[start] === 0x23 && head[start + 1] === 0x21 ? 'script' : undefined;
}
