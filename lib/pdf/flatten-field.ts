import { concatTransformationMatrix, drawObject, PDFArray, PDFDict, PDFName, PDFNumber, PDFRef, PDFStream, popGraphicsState, pushGraphicsState, type PDFPage } from 'pdf-lib';

/** /F bits that keep an annotation off the screen: Hidden (2) and NoView (6). */
const INVISIBLE = (1 << 1) | (1 << 5);

function numbers(value: unknown, length: number): number[] | undefined {
  if (!(value instanceof PDFArray) || value.size() < length) return undefined;
  const out = value.asArray().slice(0, length).map((n) => (n instanceof PDFNumber ? n.asNumber() : NaN));
  return out.every(Number.isFinite) ? out : undefined;
}

const wrapped = new WeakSet<PDFDict>();

/** The appearance a viewer draws for the widget now: /AP /N, or the state /AS names among them. */
function normalAppearance(page: PDFPage, widget: PDFDict): PDFRef | undefined {
  const { context } = page.doc;
  const ap = widget.lookup(PDFName.of('AP'));
  if (!(ap instanceof PDFDict)) return undefined;
  const n = ap.get(PDFName.of('N'));
  const resolved = n instanceof PDFRef ? context.lookup(n) : n;
  if (resolved instanceof PDFStream) return n instanceof PDFRef ? n : undefined;
  if (!(resolved instanceof PDFDict)) return undefined;
  const state = widget.get(PDFName.of('AS'));
  const chosen = state instanceof PDFName ? resolved.get(state) : undefined;
  return chosen instanceof PDFRef && context.lookup(chosen) instanceof PDFStream ? chosen : undefined;
}

/**
 * Draws a form field's widget into the page content exactly as a viewer shows
 * it (its normal appearance, mapped onto /Rect as the PDF spec 12.5.5 says:
 * the form's /BBox, through its /Matrix, fitted to the rectangle), so the
 * widget itself can be removed and nothing is left to fill in or script.
 */
export function flattenWidget(page: PDFPage, widget: PDFDict): void {
  const flags = widget.lookup(PDFName.of('F'));
  if (flags instanceof PDFNumber && flags.asNumber() & INVISIBLE) return;
  const ref = normalAppearance(page, widget);
  const rect = numbers(widget.lookup(PDFName.of('Rect')), 4);
  if (!ref || !rect) return;
  const stream = page.doc.context.lookup(ref) as PDFStream;
  const bbox = numbers(stream.dict.lookup(PDFName.of('BBox')), 4);
  if (!bbox) return;
  const [a, b, c, d, e, f] = numbers(stream.dict.lookup(PDFName.of('Matrix')), 6) ?? [1, 0, 0, 1, 0, 0];
  const corners = [
    [bbox[0]!, bbox[1]!],
    [bbox[2]!, bbox[1]!],
    [bbox[0]!, bbox[3]!],
    [bbox[2]!, bbox[3]!],
  ].map(([x, y]) => [a! * x! + c! * y! + e!, b! * x! + d! * y! + f!] as const);
  const xs = corners.map((p) => p[0]);
  const ys = corners.map((p) => p[1]);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  if (maxX - minX <= 0 || maxY - minY <= 0) return;
  const [left, right] = [Math.min(rect[0]!, rect[2]!), Math.max(rect[0]!, rect[2]!)];
  const [bottom, top] = [Math.min(rect[1]!, rect[3]!), Math.max(rect[1]!, rect[3]!)];
  const sx = (right - left) / (maxX - minX);
  const sy = (top - bottom) / (maxY - minY);
  // Appearance streams are meant to be form XObjects; some writers leave the type out.
  stream.dict.set(PDFName.of('Type'), PDFName.of('XObject'));
  stream.dict.set(PDFName.of('Subtype'), PDFName.of('Form'));
  const name = page.node.newXObject('Field', ref);
  const { context } = page.doc;
  page.node.normalize();
  // The original content is wrapped in q … Q first, so a state it leaves behind cannot move the field.
  if (!wrapped.has(page.node)) {
    page.node.wrapContentStreams(context.register(context.contentStream([pushGraphicsState()])), context.register(context.contentStream([popGraphicsState()])));
    wrapped.add(page.node);
  }
  const draw = context.register(context.contentStream([pushGraphicsState(), concatTransformationMatrix(sx, 0, 0, sy, left - minX * sx, bottom - minY * sy), drawObject(name), popGraphicsState()]));
  page.node.addContentStream(draw);
}
