import { clip, concatTransformationMatrix, degrees, endPath, rectangle, popGraphicsState, pushGraphicsState, rgb, type Color, type PDFFont, type PDFPage } from 'pdf-lib';
import type { Typesetter } from './layout';
import { flateStream } from './save';

/** Free band (points) kept at the top and bottom of every page for the page number and exhibit stamp. */
export const STAMP_BAND = 24;

/** The page as a reader sees it: width and height after /Rotate. */
function visual(page: PDFPage) {
  const box = page.getCropBox();
  const rotation = (((Math.round(page.getRotation().angle / 90) * 90) % 360) + 360) % 360;
  const sideways = rotation === 90 || rotation === 270;
  return { box, rotation, width: sideways ? box.height : box.width, height: sideways ? box.width : box.height };
}

/** User-space point and text angle for a point given in the reader's view (origin bottom left). */
function toUser(page: PDFPage, vx: number, vy: number) {
  const { box, rotation } = visual(page);
  const [x, y] =
    rotation === 90 ? [box.width - vy, vx] : rotation === 180 ? [box.width - vx, box.height - vy] : rotation === 270 ? [vy, box.height - vx] : [vx, vy];
  return { x: box.x + x, y: box.y + y, rotate: degrees(rotation) };
}

/**
 * Shrinks a merged page's own content about its centre just enough to free
 * a band at the top and bottom, so stamps never cover what the page shows.
 * The page keeps its size and rotation. The original content is wrapped in
 * q … Q, so whatever state it leaves behind cannot move the stamps drawn after,
 * and clipped to its CropBox (within the MediaBox, as viewers show it): once
 * shrunk, content outside the box would otherwise come into view.
 */
export function makeStampRoom(page: PDFPage): void {
  const { box, height } = visual(page);
  const s = Math.max(0.8, 1 - (2 * STAMP_BAND) / height);
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const context = page.doc.context;
  page.node.normalize();
  const media = page.getMediaBox();
  const left = Math.max(box.x, media.x);
  const bottom = Math.max(box.y, media.y);
  const right = Math.min(box.x + box.width, media.x + media.width);
  const top = Math.min(box.y + box.height, media.y + media.height);
  const start = context.register(
    context.contentStream([
      pushGraphicsState(),
      concatTransformationMatrix(s, 0, 0, s, cx * (1 - s), cy * (1 - s)),
      rectangle(left, bottom, Math.max(0, right - left), Math.max(0, top - bottom)),
      clip(),
      endPath(),
    ]),
  );
  const end = context.register(context.contentStream([popGraphicsState()]));
  page.node.wrapContentStreams(start, end);
}

const FOOTER = { size: 8, color: rgb(0.3, 0.3, 0.35) } as const;
const ID = { size: 10, color: rgb(0.72, 0.1, 0.1), pad: 4, border: 0.9 } as const;

/**
 * "第 3 页 / 共 120 页" centred in the bottom band, and the exhibit id boxed at top right, upright as
 * read. Given the bundle's Typesetter, an upright page's stamp is one content stream written as
 * text (the same operators pdf-lib would build object by object: a 1,500-page bundle spent 0.6 s
 * stamping through pdf-lib's drawText, 0.12–0.25 s through the Typesetter's draw).
 */
export function stampPage(page: PDFPage, font: PDFFont, footer: string, exhibitId?: string, ts?: Pick<Typesetter, 'fontKey' | 'glyphHex' | 'measure'>): void {
  const v = visual(page);
  if (ts && v.rotation === 0) return writeStamp(page, font, footer, exhibitId, ts, v);
  const width = (text: string, size: number) => font.widthOfTextAtSize(text, size);
  const draw = (text: string, at: ReturnType<typeof toUser>, size: number, color: Color) => page.drawText(text, { ...at, size, font, color });
  draw(footer, toUser(page, (v.width - width(footer, FOOTER.size)) / 2, 9), FOOTER.size, FOOTER.color);
  if (!exhibitId) return;
  const box = idBox(v, width(exhibitId, ID.size));
  const corner = toUser(page, box.x, box.y);
  page.drawRectangle({ x: corner.x, y: corner.y, width: box.width, height: box.height, rotate: corner.rotate, color: rgb(1, 1, 1), borderColor: ID.color, borderWidth: ID.border });
  draw(exhibitId, toUser(page, box.x + ID.pad, box.y + ID.pad + 1.5), ID.size, ID.color);
}

/** The exhibit id's box in the reader's view, for an id `textWidth` wide. */
function idBox(v: { width: number; height: number }, textWidth: number) {
  const width = textWidth + 2 * ID.pad;
  const height = ID.size + 2 * ID.pad;
  return { x: v.width - 14 - width, y: v.height - 4 - height, width, height };
}

/** A number as pdf-lib writes a position: to 1/100 pt. */
const n = (value: number) => String(Math.round(value * 100) / 100);
const colour = (c: Color, op: 'rg' | 'RG') => ('red' in c ? `${n(c.red)} ${n(c.green)} ${n(c.blue)} ${op}` : '');

/** An upright page's stamp as one deflated content stream after its own, in the page's box. */
function writeStamp(page: PDFPage, font: PDFFont, footer: string, exhibitId: string | undefined, ts: Pick<Typesetter, 'fontKey' | 'glyphHex' | 'measure'>, v: ReturnType<typeof visual>): void {
  const key = ts.fontKey(font, page).toString();
  const { x: left, y: bottom } = v.box;
  const text = (value: string, x: number, y: number, size: number, color: Color) =>
    `q BT ${colour(color, 'rg')} ${key} ${n(size)} Tf ${n(left + x)} ${n(bottom + y)} Td <${ts.glyphHex(value, font)}> Tj ET Q`;
  const ops = [text(footer, (v.width - ts.measure.width(footer, font, FOOTER.size)) / 2, 9, FOOTER.size, FOOTER.color)];
  if (exhibitId) {
    const box = idBox(v, ts.measure.width(exhibitId, font, ID.size));
    ops.push(`q 1 1 1 rg ${colour(ID.color, 'RG')} ${n(ID.border)} w ${n(left + box.x)} ${n(bottom + box.y)} ${n(box.width)} ${n(box.height)} re B Q`);
    ops.push(text(exhibitId, box.x + ID.pad, box.y + ID.pad + 1.5, ID.size, ID.color));
  }
  const { context } = page.doc;
  page.node.addContentStream(context.register(flateStream(context, Buffer.from(ops.join('\n'), 'latin1'))));
}
