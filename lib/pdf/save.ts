import { deflateSync, inflateSync } from 'node:zlib';
import { decodePDFRawStream, PDFContentStream, PDFName, PDFRawStream, type PDFContext, type PDFDocument } from 'pdf-lib';

/**
 * Objects pdf-lib parses or writes between two yields to the event loop. Its defaults (100 when
 * loading, 50 when saving) yield through setTimeout, at least 1 ms each: a 1,500-page bundle of
 * 30,000 objects sat idle for over half a second per save. A thousand objects take a few
 * milliseconds, so an export run in place (dev server, scripts) still leaves the loop free often.
 */
export const OBJECTS_PER_TICK = 1000;

const FLATE = PDFName.of('FlateDecode');
const FILTER = PDFName.of('Filter');

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
    context.assign(ref, PDFRawStream.of(dict, deflateSync(object.getUnencodedContents())));
  }
}

/** Saves a document the app drew: its content streams compressed natively, few yields. */
export async function savePdf(doc: PDFDocument): Promise<Uint8Array> {
  compressContentStreams(doc.context);
  return doc.save({ objectsPerTick: OBJECTS_PER_TICK });
}

/** A stream's decoded bytes: zlib for plain FlateDecode (the app's own streams), pdf-lib for the rest. */
export function decodeStream(stream: PDFRawStream): Uint8Array {
  const simple = stream.dict.get(FILTER) === FLATE && !stream.dict.has(PDFName.of('DecodeParms'));
  return simple ? inflateSync(stream.contents) : decodePDFRawStream(stream).decode();
}

/** A FlateDecode stream of `bytes`, compressed by zlib. */
export function flateStream(context: PDFContext, bytes: Uint8Array): PDFRawStream {
  return context.stream(deflateSync(bytes), { Filter: 'FlateDecode' });
}
