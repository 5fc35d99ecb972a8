import { clip, concatTransformationMatrix, degrees, endPath, rectangle, popGraphicsState, pushGraphicsState, rgb, type Color, type PDFFont, type PDFPage } from 'pdf-lib';
import type { Typesetter } from './layout';

/** Free band (points) kept at the top and bottom of every page for the page number and exhibit stamp. */
export const STAMP_BAND = 24;

/** The page as a reader sees it: width and height after /Rotate. */
function visual(page: PDFPage) {
  const box = page.getCropBox();
  const rotation = (((Math.round(page.getRotation().angle / 90) * 90) % 360) + 360) % 360;
  const sideways = rotation === 90 || rotation === 270;
  return { box, rotation, width: sideways ? box.height : box.width, height: sideways ? box.width : box.height };
}

/** User-space point and text angle for a point given in the reader's view (origin bottom left) of a page seen as `v`. */
function toUser({ box, rotation }: ReturnType<typeof visual>, vx: number, vy: number) {
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

const GREY = rgb(0.3, 0.3, 0.35);
const RED = rgb(0.72, 0.1, 0.1);
const WHITE = rgb(1, 1, 1);

/**
 * "第 3 页 / 共 120 页" centred in the bottom band, and the exhibit id boxed at top right, upright as
 * read. Given the bundle's Typesetter, an upright page's stamp is drawn through it: its text measured
 * through its caches and its operators written as text (through pdf-lib's drawText and drawRectangle,
 * a 1,500-page bundle spent 0.6 s stamping, fontkit laying out every string and an object made for
 * every operator and number).
 */
export function stampPage(page: PDFPage, font: PDFFont, footer: string, exhibitId?: string, ts?: Pick<Typesetter, 'draw' | 'box' | 'measure'>): void {
  const v = visual(page);
  const fast = ts && v.rotation === 0 ? ts : undefined;
  const width = (text: string, size: number) => (fast ? fast.measure.width(text, font, size) : font.widthOfTextAtSize(text, size));
  const draw = (text: string, at: ReturnType<typeof toUser>, size: number, color: Color) => {
    if (fast) fast.draw(text, { x: at.x, y: at.y, size, font, color }, page);
    else page.drawText(text, { ...at, size, font, color });
  };
  const size = 8;
  draw(footer, toUser(v, (v.width - width(footer, size)) / 2, 9), size, GREY);
  if (!exhibitId) return;
  const idSize = 10;
  const idWidth = width(exhibitId, idSize);
  const pad = 4;
  const right = v.width - 14;
  const top = v.height - 4;
  const corner = toUser(v, right - idWidth - 2 * pad, top - idSize - 2 * pad);
  const box = { x: corner.x, y: corner.y, width: idWidth + 2 * pad, height: idSize + 2 * pad, color: WHITE, borderColor: RED, borderWidth: 0.9 };
  if (fast) fast.box(box, page);
  else page.drawRectangle({ ...box, rotate: corner.rotate });
  draw(exhibitId, toUser(v, right - idWidth - pad, top - idSize - pad + 1.5), idSize, RED);
}
