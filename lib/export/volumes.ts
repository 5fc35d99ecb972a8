import { PDFArray, PDFDict, PDFName, PDFRef, PDFStream, type PDFDocument, type PDFObject } from 'pdf-lib';

/** A run of bundle pages that must stay together: the front matter, one exhibit (with the divider before it) or the appendix. */
export type Unit = { exhibitId?: string; bytes: number };
export type VolumePlan = { volumeOf: Map<string, number>; volumes: number; oversized: string[] };

/** The object header, "endobj" and the cross-reference entry each object costs besides its own bytes. */
const OBJECT_OVERHEAD = 40;
/** A later volume's own cover and contents page, and its document structure (catalog, outline, labels, metadata). */
export const VOLUME_OVERHEAD = 24 * 1024;

/**
 * What each page costs in a saved document: the bytes of every object only it
 * reaches (content streams, images, merged pages' resources). Objects several
 * pages reach (the fonts) are counted once, in `shared`: each volume carries a
 * copy. Call after `doc.save()`, so the font subsets are written out.
 */
export function measurePages(doc: PDFDocument): { pages: number[]; shared: number } {
  const { context } = doc;
  const refs = doc.getPages().map((p) => p.ref);
  const pageRefs = new Set(refs);
  const owner = new Map<PDFRef, number>();
  const SHARED = -1;
  refs.forEach((root, i) => {
    const seen = new Set<PDFRef>();
    const stack: PDFObject[] = [root];
    while (stack.length > 0) {
      const obj = stack.pop();
      if (obj instanceof PDFRef) {
        // A link's destination is another page: that page is its own cost.
        if (seen.has(obj) || (obj !== root && pageRefs.has(obj))) continue;
        seen.add(obj);
        const was = owner.get(obj);
        owner.set(obj, was === undefined || was === i ? i : SHARED);
        const target = context.lookup(obj);
        if (target) stack.push(target);
      } else if (obj instanceof PDFDict) {
        for (const [key, value] of obj.entries()) if (key !== PDFName.of('Parent')) stack.push(value);
      } else if (obj instanceof PDFArray) {
        stack.push(...obj.asArray());
      } else if (obj instanceof PDFStream) {
        stack.push(obj.dict);
      }
    }
  });
  const pages = refs.map(() => 0);
  let shared = 0;
  for (const [ref, i] of owner) {
    const bytes = (context.lookup(ref)?.sizeInBytes() ?? 0) + OBJECT_OVERHEAD;
    if (i === SHARED) shared += bytes;
    else pages[i] = (pages[i] ?? 0) + bytes;
  }
  return { pages, shared };
}

/**
 * Groups page costs into units in bundle order: pages before the first
 * exhibit are the front matter, a page of no exhibit between two exhibits (a
 * category divider) goes with the exhibit after it, and the pages after the
 * last exhibit are the appendix.
 */
export function unitsOf(pageBytes: number[], pageExhibit: ReadonlyArray<string | undefined>): { front: number; exhibits: Unit[]; appendix: number } {
  let front = 0;
  let pending = 0;
  const exhibits: Unit[] = [];
  pageBytes.forEach((bytes, i) => {
    const id = pageExhibit[i];
    const last = exhibits[exhibits.length - 1];
    if (id === undefined) {
      if (last) pending += bytes;
      else front += bytes;
    } else if (last?.exhibitId === id) {
      last.bytes += bytes;
    } else {
      exhibits.push({ exhibitId: id, bytes: bytes + pending });
      pending = 0;
    }
  });
  return { front, exhibits, appendix: pending };
}

/**
 * Places volume breaks on measured costs, keeping bundle order: the front
 * matter opens volume 1, and the appendix (manifest and declaration) stays
 * with the last exhibit, so no volume is only the appendix. `budget` is what
 * one volume may weigh; every volume carries `shared` (the fonts).
 */
export function planVolumes(units: { front: number; exhibits: Unit[]; appendix: number }, shared: number, budget: number): VolumePlan {
  const volumeOf = new Map<string, number>();
  const oversized: string[] = [];
  let volume = 1;
  let used = shared + units.front;
  units.exhibits.forEach((unit, i) => {
    const id = unit.exhibitId ?? '';
    const tail = i === units.exhibits.length - 1 ? units.appendix : 0;
    if (shared + VOLUME_OVERHEAD + unit.bytes > budget) oversized.push(id);
    // Volume 1 always holds something (the front matter); a later one breaks only once it holds an exhibit.
    const holdsSomething = volume === 1 || [...volumeOf.values()].includes(volume);
    if (used + unit.bytes + tail > budget && holdsSomething) {
      volume += 1;
      used = shared + VOLUME_OVERHEAD;
    }
    volumeOf.set(id, volume);
    used += unit.bytes;
  });
  return { volumeOf, volumes: volume, oversized };
}
