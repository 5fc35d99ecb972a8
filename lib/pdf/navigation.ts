import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNull, PDFNumber, type PDFDocument, type PDFPage, type PDFRef } from 'pdf-lib';

export type OutlineItem = { title: string; page: PDFPage; children?: OutlineItem[] };

function destination(doc: PDFDocument, page: PDFPage): PDFArray {
  // Top of the target page, zoom unchanged.
  return doc.context.obj([page.ref, PDFName.of('XYZ'), PDFNull, PDFNumber.of(page.getHeight()), PDFNull]);
}

/**
 * The document outline (bookmarks): nested items, each opening its page.
 * pdf-lib has no outline API; this writes the dictionaries of ISO 32000-1 §12.3.3.
 */
export function setOutline(doc: PDFDocument, items: readonly OutlineItem[]): void {
  const { context } = doc;
  const rootRef = context.nextRef();
  const build = (list: readonly OutlineItem[], parent: PDFRef): { first?: PDFRef; last?: PDFRef; count: number } => {
    const refs = list.map(() => context.nextRef());
    let count = 0;
    list.forEach((item, i) => {
      const ref = refs[i] as PDFRef;
      const children = build(item.children ?? [], ref);
      const dict: Record<string, unknown> = {
        Title: PDFHexString.fromText(item.title),
        Parent: parent,
        Dest: destination(doc, item.page),
      };
      if (i > 0) dict.Prev = refs[i - 1];
      if (i < refs.length - 1) dict.Next = refs[i + 1];
      if (children.first && children.last) Object.assign(dict, { First: children.first, Last: children.last, Count: children.count });
      context.assign(ref, context.obj(dict as never));
      count += 1 + children.count;
    });
    return { first: refs[0], last: refs.at(-1), count };
  };
  const top = build(items, rootRef);
  const root: Record<string, unknown> = { Type: 'Outlines', Count: top.count };
  if (top.first && top.last) Object.assign(root, { First: top.first, Last: top.last });
  context.assign(rootRef, context.obj(root as never));
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/** A clickable area on `page` that jumps to `target` (a table-of-contents line). */
export function addLink(doc: PDFDocument, page: PDFPage, rect: { x: number; y: number; width: number; height: number }, target: PDFPage): void {
  const annot = doc.context.obj({
    Type: 'Annot',
    Subtype: 'Link',
    Rect: [rect.x, rect.y, rect.x + rect.width, rect.y + rect.height],
    Border: [0, 0, 0],
    Dest: destination(doc, target),
  });
  page.node.addAnnot(doc.context.register(annot));
}

/** Page labels, so viewers show the bundle's own numbers (a second volume starting at 241 shows 241). */
export function setPageLabels(doc: PDFDocument, firstNumber: number): void {
  const style = doc.context.obj({ S: 'D', St: firstNumber });
  const labels = doc.context.obj({ Nums: [0, style] });
  doc.catalog.set(PDFName.of('PageLabels'), labels as PDFDict);
}
