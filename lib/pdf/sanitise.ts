import { PDFArray, PDFDict, PDFName, PDFRef, PDFStream, type PDFContext, type PDFDocument, type PDFObject } from 'pdf-lib';
import { flattenWidget } from './flatten-field';

/** Kinds of active content a merged PDF may carry, as the caption and the review step name them. */
export const ACTIVE_CONTENT = ['scripts', 'actions', 'links', 'forms', 'media', 'embeddedFiles'] as const;
export type ActiveContent = (typeof ACTIVE_CONTENT)[number];

/**
 * Keys whose mere presence is active content, wherever they sit (catalog, name tree, page, annotation).
 * By PDFName: pdf-lib keeps one instance a name (escapes decoded), so a walk compares instances
 * instead of decoding every key of every object (a third of its time).
 */
const KEYS = new Map<PDFName, ActiveContent>(Object.entries({
  JS: 'scripts',
  JavaScript: 'scripts',
  AA: 'actions',
  OpenAction: 'actions',
  AcroForm: 'forms',
  XFA: 'forms',
  EmbeddedFiles: 'embeddedFiles',
  EF: 'embeddedFiles',
  RichMediaContent: 'media',
  RichMediaSettings: 'media',
  '3DD': 'media',
} satisfies Record<string, ActiveContent>).map(([name, kind]) => [PDFName.of(name), kind]));
const NEXT = PDFName.of('Next');
const PARENT = PDFName.of('Parent');
const S = PDFName.of('S');
/** Keys holding an action: kept only when it opens an http(s) address. */
const ACTION_KEYS = new Set([PDFName.of('A'), PDFName.of('PA'), NEXT]);
const MEDIA_ANNOTS = new Set(['RichMedia', '3D', 'Screen', 'Movie', 'Sound']);

const nameOf = (value: PDFObject | undefined) => (value instanceof PDFName ? value.decodeText() : undefined);
const textOf = (value: PDFObject | undefined) => (value && 'decodeText' in value && typeof value.decodeText === 'function' ? String(value.decodeText()) : '');
const dictOf = (context: PDFContext, value: PDFObject | undefined) => {
  const resolved = value instanceof PDFRef ? context.lookup(value) : value;
  return resolved instanceof PDFDict ? resolved : resolved instanceof PDFStream ? resolved.dict : undefined;
};

/** What an action would do, or undefined when it only opens a web address (the one kind we keep). */
function actionKind(context: PDFContext, value: PDFObject | undefined): ActiveContent | undefined {
  const action = dictOf(context, value);
  const type = nameOf(action?.get(PDFName.of('S')));
  if (type === 'URI' && /^https?:\/\//i.test(textOf(action?.get(PDFName.of('URI'))).trim())) return undefined;
  if (type === 'JavaScript') return 'scripts';
  // Jumps within the original, and links to anything but the web (file:, mailto:): not dangerous, but not kept clickable either.
  return type === 'GoTo' || type === 'URI' ? 'links' : 'actions';
}

/**
 * Walks everything reachable from `root` (never up through /Parent: the page
 * tree is not copied) and notes each kind of active content; with `remove`,
 * deletes it on the way.
 */
function walk(context: PDFContext, root: PDFObject, found: Set<ActiveContent>, remove: boolean, seen = new Set<PDFObject>()): void {
  const stack: PDFObject[] = [root];
  while (stack.length > 0) {
    const item = stack.pop() as PDFObject;
    const value = item instanceof PDFRef ? context.lookup(item) : item;
    if (!value || seen.has(value)) continue;
    seen.add(value);
    if (value instanceof PDFArray) {
      stack.push(...value.asArray());
      continue;
    }
    const dict = value instanceof PDFDict ? value : value instanceof PDFStream ? value.dict : undefined;
    if (!dict) continue;
    for (const [key, child] of dict.entries()) {
      // /A also names things that are not actions (structure attributes): only a dict with /S is one.
      const isAction = ACTION_KEYS.has(key) && dictOf(context, child)?.has(S) === true;
      const kind = KEYS.get(key) ?? (isAction ? actionKind(context, child) : undefined);
      if (key === NEXT || kind) {
        if (kind) found.add(kind);
        if (key === NEXT && !kind) found.add('actions');
        if (remove) dict.delete(key);
        else stack.push(child);
      } else if (key !== PARENT) {
        stack.push(child);
      }
    }
  }
}

/** Every kind of active content anywhere in a PDF (document actions and name trees included). */
export function activeContent(doc: PDFDocument): ActiveContent[] {
  const found = new Set<ActiveContent>();
  const seen = new Set<PDFObject>();
  walk(doc.context, doc.catalog, found, false, seen);
  for (const page of doc.getPages()) walk(doc.context, page.node, found, false, seen);
  return ACTIVE_CONTENT.filter((k) => found.has(k));
}

/**
 * Makes a document's pages safe to copy into the bundle, in place (the
 * document is a parsed copy; the original bytes are never touched): form
 * fields are drawn as they look and removed, media, attachment and widget
 * annotations go, links stay only when they open an http(s) address, and
 * every script and action reachable from a page is deleted. The catalog is
 * left alone: only pages are copied. Returns what was removed.
 */
export function sanitisePages(doc: PDFDocument): ActiveContent[] {
  const { context } = doc;
  const found = new Set<ActiveContent>();
  // One walk's worth of visits for the whole document, however many pages share a resource.
  const seen = new Set<PDFObject>();
  for (const page of doc.getPages()) {
    const annots = page.node.Annots();
    if (annots) {
      const kept: PDFObject[] = [];
      for (const ref of annots.asArray()) {
        const annot = dictOf(context, ref);
        const subtype = nameOf(annot?.get(PDFName.of('Subtype')));
        if (!annot) continue;
        // An annotation's /P points back at its page; copying it would copy the page a second time.
        annot.delete(PDFName.of('P'));
        if (subtype === 'Widget') {
          flattenWidget(page, annot);
          found.add('forms');
        } else if (subtype && MEDIA_ANNOTS.has(subtype)) found.add('media');
        else if (subtype === 'FileAttachment') found.add('embeddedFiles');
        else if (subtype === 'Link' && (annot.has(PDFName.of('Dest')) || actionKind(context, annot.get(PDFName.of('A'))))) {
          // Jumps inside the original cannot land on the bundle's copy of the page: text stays, the click goes.
          found.add(annot.has(PDFName.of('Dest')) ? 'links' : (actionKind(context, annot.get(PDFName.of('A'))) as ActiveContent));
        } else kept.push(ref);
      }
      if (kept.length > 0) page.node.set(PDFName.of('Annots'), context.obj(kept));
      else page.node.delete(PDFName.of('Annots'));
    }
    // Article threads reach other pages (and their scripts) through the beads.
    page.node.delete(PDFName.of('B'));
    walk(context, page.node, found, true, seen);
    // Resources inherited from the page tree are copied with the page, so they are cleaned too.
    const resources = page.node.Resources();
    if (resources) walk(context, resources, found, true, seen);
  }
  return ACTIVE_CONTENT.filter((k) => found.has(k));
}
