import 'server-only';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import subsetFont from 'subset-font';
import { registerCoverage } from './glyphs';

const FONT_DIR = path.join(process.cwd(), 'node_modules', '@expo-google-fonts', 'noto-sans-sc');
const FILES = { regular: '400Regular/NotoSansSC_400Regular.ttf', bold: '700Bold/NotoSansSC_700Bold.ttf' } as const;
export type FontWeight = keyof typeof FILES;

const cache = new Map<FontWeight, Promise<Buffer>>();

function fontBytes(weight: FontWeight): Promise<Buffer> {
  let bytes = cache.get(weight);
  if (!bytes) {
    // Read by the server at run time (10.5 MB a weight), never served to browsers.
    bytes = readFile(path.join(FONT_DIR, FILES[weight]));
    cache.set(weight, bytes);
  }
  return bytes;
}

/**
 * Noto Sans SC subset to exactly the characters the document uses, embedded
 * whole. pdf-lib's own subsetting draws most CJK glyphs as blanks (see
 * shared/TECH-NOTES.md); HarfBuzz subsetting first, then a full embed of the
 * small subset, renders and extracts correctly.
 */
export async function embedChineseFonts(doc: PDFDocument, allText: string): Promise<Record<FontWeight, PDFFont>> {
  doc.registerFontkit(fontkit);
  // Digits, Latin, currency and punctuation are always in, so numbers, amounts (¥), page numbers and
  // stamps never miss a glyph even when only code formats them; a missing glyph prints as a blank.
  const always = ' 0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~¥￥€£°×÷±…—–·•✓○●■□，。、；：！？（）《》「」『』【】“”‘’第页共卷';
  const text = `${allText}${always}`;
  const embed = async (weight: FontWeight) => {
    // Without layout tables: fontkit would otherwise swap in contextual alternates (the digits of
    // "B-001" became other glyphs) that print spaced out and extract as nothing.
    // (subset-font 2.9 takes dropTables; @types/subset-font does not list it yet.)
    const options = { targetFormat: 'truetype', noLayoutClosure: true, dropTables: ['GSUB', 'GPOS'] } as Parameters<typeof subsetFont>[2];
    const subset = await subsetFont(await fontBytes(weight), text, options);
    const font = await doc.embedFont(subset, { subset: false });
    // What the subset can draw, read once from its cmap, so drawing never has to ask fontkit (see glyphs.ts).
    registerCoverage(font, fontkit.create(subset).characterSet);
    return font;
  };
  const [regular, bold] = await Promise.all([embed('regular'), embed('bold')]);
  return { regular, bold };
}
