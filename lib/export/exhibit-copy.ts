import 'server-only';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, type PDFFont, type PDFPage } from 'pdf-lib';
import type { Typesetter } from '@/lib/pdf/layout';
import { decodeStream, flateStream, OBJECTS_PER_TICK } from '@/lib/pdf/save';
import type { ExhibitMeta } from './exhibit-cache';
import { FONT_STAND_INS } from './exhibit-build';

type Weight = keyof typeof FONT_STAND_INS;
/** A font selection or a shown string, as the Typesetter writes them ("/F-123 10.5 Tf", "<0a1b> Tj"). */
const TEXT_OPS = /(\/[^\s/[\]()<>{}%]+)\s+[-\d.]+\s+Tf|<([0-9A-Fa-f]*)>\s*Tj/g;

/** Drawing-font glyph code → bundle-subset glyph code, four hex digits each (Identity-H), for one weight. */
function glyphMap(pairs: ReadonlyArray<readonly [string, string]>, ts: Typesetter, font: PDFFont): Map<string, string> {
  const map = new Map<string, string>();
  for (const [ch, drawn] of pairs) {
    const now = ts.glyphHex(ch, font);
    // A character is one glyph in both fonts (no layout tables in either); anything else is a bug.
    if (now.length !== drawn.length) throw new Error(`glyph count of ${JSON.stringify(ch)} differs between the drawing and the bundle font`);
    for (let i = 0; i < drawn.length; i += 4) map.set(drawn.slice(i, i + 4), now.slice(i, i + 4));
  }
  return map;
}

/**
 * The page's stand-in fonts pointed at the bundle's, and every string it shows re-encoded for them;
 * without maps (the bundle's subset draws every glyph under the same code) the text stays as it is.
 */
function reencode(doc: PDFDocument, page: PDFPage, fonts: Record<Weight, PDFFont>, maps: Record<Weight, Map<string, string>> | null): void {
  const dict = page.node.Resources()?.lookupMaybe(PDFName.of('Font'), PDFDict);
  const weightOf = new Map<string, Weight>();
  for (const [key, value] of dict?.entries() ?? []) {
    const weight = value === FONT_STAND_INS.regular ? 'regular' : value === FONT_STAND_INS.bold ? 'bold' : undefined;
    if (!weight) continue;
    weightOf.set(key.toString(), weight);
    dict?.set(key, fonts[weight].ref);
  }
  if (weightOf.size === 0 || !maps) return;
  const contents = page.node.get(PDFName.of('Contents'));
  const refs = contents instanceof PDFArray ? contents.asArray() : [contents];
  for (const ref of refs) {
    if (!(ref instanceof PDFRef)) continue;
    const stream = doc.context.lookup(ref);
    if (!(stream instanceof PDFRawStream)) continue;
    let current: Map<string, string> | undefined;
    const text = Buffer.from(decodeStream(stream)).toString('latin1');
    const out = text.replace(TEXT_OPS, (op: string, key: string | undefined, hex: string | undefined) => {
      if (key !== undefined) {
        const weight = weightOf.get(key);
        current = weight && maps[weight];
        return op;
      }
      if (!current || hex === undefined) return op;
      let mapped = '';
      for (let i = 0; i < hex.length; i += 4) {
        const code = current.get(hex.slice(i, i + 4));
        if (code === undefined) throw new Error(`glyph ${hex.slice(i, i + 4)} of a cached page has no code in the bundle font`);
        mapped += code;
      }
      return `<${mapped}> Tj`;
    });
    doc.context.assign(ref, flateStream(doc.context, Buffer.from(out, 'latin1')));
  }
}

/**
 * A cached exhibit's pages copied into the bundle (not yet added): pages the bundle typeset get
 * the bundle's fonts, merged originals come as they are. Only the copy is changed, never the cache.
 */
export async function copyExhibitPages(doc: PDFDocument, ts: Typesetter, bytes: Uint8Array, meta: ExhibitMeta): Promise<PDFPage[]> {
  const source = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: OBJECTS_PER_TICK });
  const pages = await doc.copyPages(source, source.getPageIndices());
  // Encoding every character in the bundle's fonts also gives them its width and text. The bundle's
  // subset keeps the whole font's glyph numbers (lib/pdf/subset.ts): then nothing is rewritten.
  const unchanged = (weight: Weight) => meta.codes[weight].every(([ch, drawn]) => ts.glyphHex(ch, ts.fonts[weight]) === drawn);
  const same = unchanged('regular') && unchanged('bold');
  const maps = same ? null : { regular: glyphMap(meta.codes.regular, ts, ts.fonts.regular), bold: glyphMap(meta.codes.bold, ts, ts.fonts.bold) };
  for (const i of meta.typeset) {
    const page = pages[i];
    if (page) reencode(doc, page, ts.fonts, maps);
  }
  return pages;
}
