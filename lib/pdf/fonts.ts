import 'server-only';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { CustomFontEmbedder, PDFDocument, PDFFont } from 'pdf-lib';
import { registerCoverage } from './glyphs';
import { subsetKeepingIds, withoutTables } from './subset';

const FONT_DIR = path.join(process.cwd(), 'node_modules', '@expo-google-fonts', 'noto-sans-sc');
const FILES = { regular: '400Regular/NotoSansSC_400Regular.ttf', bold: '700Bold/NotoSansSC_700Bold.ttf' } as const;
export type FontWeight = keyof typeof FILES;

const cache = new Map<FontWeight, Promise<Buffer>>();

/**
 * fontkit handed a font's bytes as an ArrayBuffer. Its bundled Buffer polyfill copies any typed
 * array byte by byte in JavaScript (about 1 s of an export for the two whole weights the drawing
 * fonts embed), and an ArrayBuffer not at all. pdf-lib calls `create` with a Uint8Array.
 */
const fontkitFast: typeof fontkit = { ...fontkit, create: (bytes: Uint8Array, name?: string) => fontkit.create(arrayBufferOf(bytes) as unknown as Uint8Array, name) };

function arrayBufferOf(bytes: Uint8Array): ArrayBuffer {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
  return whole ? (bytes.buffer as ArrayBuffer) : bytes.slice().buffer;
}
const NO_LAYOUT = ['GSUB', 'GPOS'];

function fontBytes(weight: FontWeight): Promise<Buffer> {
  let bytes = cache.get(weight);
  if (!bytes) {
    // Read by the server at run time (10.5 MB a weight), never served to browsers.
    bytes = readFile(path.join(FONT_DIR, FILES[weight]));
    cache.set(weight, bytes);
  }
  return bytes;
}

type Subset = { subset: Buffer; coverage: number[] };
/** The last few subsets made, by weight and characters: a bundle split into volumes lays out each with the same ones. */
const subsets = new Map<string, Promise<Subset>>();
const SUBSETS_KEPT = 4;

function subsetOf(weight: FontWeight, characters: string): Promise<Subset> {
  const key = `${weight}\u0000${characters}`;
  let made = subsets.get(key);
  if (!made) {
    made = (async () => {
      // Without layout tables: fontkit would otherwise swap in contextual alternates (the digits of
      // "B-001" became other glyphs) that print spaced out and extract as nothing.
      const subset = await subsetKeepingIds(await fontBytes(weight), characters, NO_LAYOUT);
      // What the subset can draw, read once from its cmap, so drawing never has to ask fontkit (see glyphs.ts).
      return { subset, coverage: fontkitFast.create(subset).characterSet };
    })();
    made.catch(() => subsets.delete(key));
    subsets.set(key, made);
    for (const old of subsets.keys()) if (subsets.size > SUBSETS_KEPT) subsets.delete(old);
  }
  return made;
}

/**
 * Noto Sans SC subset to exactly the characters the document uses, embedded
 * whole. pdf-lib's own subsetting draws most CJK glyphs as blanks (see
 * shared/TECH-NOTES.md); HarfBuzz subsetting first, then a full embed of the
 * small subset, renders and extracts correctly. The subset keeps each glyph's
 * number in the whole font, so it draws the same codes as drawingFonts.
 */
export async function embedChineseFonts(doc: PDFDocument, allText: string): Promise<Record<FontWeight, PDFFont>> {
  doc.registerFontkit(fontkitFast);
  // Digits, Latin, currency and punctuation are always in, so numbers, amounts (¥), page numbers and
  // stamps never miss a glyph even when only code formats them; a missing glyph prints as a blank.
  const always = ' 0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~¥￥€£°×÷±…—–·•✓○●■□，。、；：！？（）《》「」『』【】“”‘’第页共卷';
  const characters = [...new Set(`${allText}${always}`)].sort().join('');
  const embed = async (weight: FontWeight) => {
    const { subset, coverage } = await subsetOf(weight, characters);
    const font = await doc.embedFont(subset, { subset: false });
    registerCoverage(font, coverage);
    return font;
  };
  const [regular, bold] = await Promise.all([embed('regular'), embed('bold')]);
  return { regular, bold };
}

let drawing: Promise<Record<FontWeight, PDFFont>> | undefined;
/**
 * Object numbers of the drawing fonts: far above any a document reaches, since pdf-lib shares one
 * PDFRef per number between documents and a page's own fonts must never be taken for these.
 */
const DRAWING_REFS_FROM = 1_900_000_000;

/**
 * Both weights whole (every glyph, no layout tables), in a document of their own that is never
 * saved, once a process: for pages typeset ahead of the bundle (lib/export/exhibit-build.ts).
 * Such pages name these fonts and are re-encoded with the bundle's own subset when copied into it,
 * so each needs no font of its own and no subsetting (80 ms a weight) of its own.
 */
export function drawingFonts(): Promise<Record<FontWeight, PDFFont>> {
  drawing ??= (async () => {
    const doc = await PDFDocument.create();
    doc.context.largestObjectNumber = DRAWING_REFS_FROM;
    const embed = async (weight: FontWeight) => {
      // What doc.embedFont does, keeping the embedder: its parse of the font gives the coverage too
      // (a second parse of the 10 MB took 70 ms a weight). The document is never saved, so its font
      // need not be listed for embedding.
      const embedder = await CustomFontEmbedder.for(fontkitFast, withoutTables(await fontBytes(weight), NO_LAYOUT));
      const font = PDFFont.of(doc.context.nextRef(), doc, embedder);
      registerCoverage(font, embedder.font.characterSet);
      return font;
    };
    const [regular, bold] = await Promise.all([embed('regular'), embed('bold')]);
    return { regular, bold };
  })();
  // A failure (a missing font file) is not remembered: the next export tries again.
  drawing.catch(() => (drawing = undefined));
  return drawing;
}
