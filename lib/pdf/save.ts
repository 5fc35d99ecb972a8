import { deflateSync, inflateSync } from 'node:zlib';
import { Cache, decodePDFRawStream, PDFContentStream, PDFName, PDFNumber, PDFObjectStream, PDFPageTree, PDFRawStream, typedArrayFor, type PDFContext, type PDFDocument, type PDFRef } from 'pdf-lib';

/**
 * Objects pdf-lib parses or writes between two yields to the event loop. Its defaults (100 when
 * loading, 50 when saving) yield through setTimeout, at least 1 ms each: a 1,500-page bundle of
 * 30,000 objects sat idle for over half a second per save. A thousand objects take a few
 * milliseconds, so an export run in place (dev server, scripts) still leaves the loop free often.
 */
export const OBJECTS_PER_TICK = 1000;

const FLATE = PDFName.of('FlateDecode');
const FILTER = PDFName.of('Filter');
const COUNT = PDFName.of('Count');

/**
 * zlib's deflate at its default level, with a window no larger than the input needs. Setting up
 * the default 32 KB window costs more than compressing a 400-byte stamp (58 µs against 12 µs,
 * 0.1 s of saving a 1,500-page bundle); a window that holds the whole input (plus zlib's 262-byte
 * lookahead) finds the same matches, so the data is as small; only the header's window size differs.
 */
export function deflate(bytes: Uint8Array): Buffer {
  const windowBits = Math.min(15, Math.max(9, Math.ceil(Math.log2(bytes.length + 262))));
  return deflateSync(bytes, { windowBits });
}

/**
 * Every content stream drawn in this document compressed now, by Node's zlib, instead of by
 * pdf-lib's pure-JavaScript deflate when it saves (five times slower, and set up afresh for each
 * of a bundle's thousands of small stamp streams). Same format (FlateDecode, default level), so
 * viewers see no difference; deterministic, so two exports stay byte-identical.
 */
function compressContentStreams(context: PDFContext): void {
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFContentStream) || object.dict.get(FILTER) !== FLATE) continue;
    const dict = object.dict.clone(context);
    context.assign(ref, PDFRawStream.of(dict, deflate(object.getUnencodedContents())));
  }
}

/**
 * The object streams pdf-lib packs a document's small objects into when it saves, deflated by
 * Node's zlib instead of pako (JavaScript, four times slower: half of a 1,500-page bundle's save).
 * pdf-lib makes them inside its writer, through this factory, with a deflating cache fixed at
 * construction: the factory makes them unencoded and the cache is replaced. Process-wide and
 * always, so two saves of the same document give the same bytes (pdf-lib 1.17, unmaintained, pinned).
 */
function nativeObjectStreams(): void {
  const make = PDFObjectStream.withContextAndObjects;
  if ((make as { native?: true }).native) return;
  const native = (context: PDFContext, objects: Parameters<typeof make>[1], encode = true) => {
    const stream = make(context, objects, false);
    if (!encode) return stream;
    stream.dict.set(FILTER, FLATE);
    Object.assign(stream, { contentsCache: Cache.populatedBy(() => deflate(stream.getUnencodedContents())) });
    return stream;
  };
  PDFObjectStream.withContextAndObjects = Object.assign(native, { native: true as const });
}
nativeObjectStreams();

/**
 * pdf-lib finds where a page goes by walking the page tree's kids from the first, looking each up:
 * appending 1,551 pages one by one walked 1.2 million kids (30 ms of every bundle). A page added
 * after the last (addPage, or insertPage at the count) goes after this node's last kid, where that
 * walk ends too; any other index still takes the walk. Process-wide, once (pdf-lib 1.17, pinned).
 */
function directAppend(): void {
  const walk = PDFPageTree.prototype.insertLeafNode;
  if ((walk as { direct?: true }).direct) return;
  const insert = function (this: PDFPageTree, leafRef: PDFRef, targetIndex: number) {
    if (targetIndex !== this.Count().asNumber()) return walk.call(this, leafRef, targetIndex);
    // What the walk's insertLeafKid does: one more page counted up to the root, the page last.
    this.ascend((node) => node.set(COUNT, PDFNumber.of(node.Count().asNumber() + 1)));
    this.Kids().push(leafRef);
    return undefined;
  };
  PDFPageTree.prototype.insertLeafNode = Object.assign(insert, { direct: true as const });
}
directAppend();

/**
 * Saves a document the app drew: its content streams compressed natively, few yields; the flate
 * streams pdf-lib makes as it saves (font files and their ToUnicode maps) by zlib too.
 */
export async function savePdf(doc: PDFDocument): Promise<Uint8Array> {
  compressContentStreams(doc.context);
  const { context } = doc;
  context.flateStream = (contents, dict = {}) => context.stream(deflate(typedArrayFor(contents)), { ...dict, Filter: 'FlateDecode' });
  return doc.save({ objectsPerTick: OBJECTS_PER_TICK });
}

/** A stream's decoded bytes: zlib for plain FlateDecode (the app's own streams), pdf-lib for the rest. */
export function decodeStream(stream: PDFRawStream): Uint8Array {
  const simple = stream.dict.get(FILTER) === FLATE && !stream.dict.has(PDFName.of('DecodeParms'));
  return simple ? inflateSync(stream.contents) : decodePDFRawStream(stream).decode();
}

/** A FlateDecode stream of `bytes`, compressed by zlib. */
export function flateStream(context: PDFContext, bytes: Uint8Array): PDFRawStream {
  return context.stream(deflate(bytes), { Filter: 'FlateDecode' });
}
