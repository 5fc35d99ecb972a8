import 'server-only';
import type { PDFPage } from 'pdf-lib';
import { EVIDENCE_CATEGORIES, EXHIBIT_LETTER } from '@/lib/evidence/categories';
import { VIDEO_KINDS, type FileKind } from '@/lib/evidence/inspect/file-kind';
import { A4, MUTED } from '@/lib/pdf/layout';
import { toChinaDate } from '@/lib/schemas/china-time';
import { chinaTime } from './bundle-text';
import type { Entry } from './contents';
import type { Exhibit } from './collect';
import type { ExhibitMeta } from './exhibit-cache';
import { copyExhibitPages } from './exhibit-copy';
import { drawManifest, monoFont, sizeParts, typeName } from './manifest-page';
import type { Prepared } from './prepare';
import type { BundleWriter } from './writer';

/** An exhibit's typeset pages, as the cache holds them (lib/export/exhibit-cache.ts). */
export type ExhibitPages = { meta: ExhibitMeta; bytes: () => Promise<Uint8Array> };

/**
 * The exhibits, a divider page per category; a volume's cover goes before its first exhibit.
 * Each exhibit's pages were typeset apart (and cached): they are copied in, their text put into
 * the bundle's fonts, and their stamps come with the rest (BundleWriter.stamp).
 */
export async function writeEvidence(w: BundleWriter, prepared: Prepared[], pagesOf: (x: Exhibit) => ExhibitPages, onExhibit: (x: Exhibit) => Promise<void> | void, shown: (p: Prepared) => boolean = () => true): Promise<void> {
  const { ts, text, doc } = w;
  // Each exhibit's cached pages are read from the store while the one before is copied in.
  const sequence = EVIDENCE_CATEGORIES.flatMap((category) => prepared.filter((p) => p.exhibit.category === category && shown(p)));
  const reads = new Map<Prepared, Promise<Uint8Array>>();
  const read = (p: Prepared | undefined) => {
    if (!p || reads.has(p)) return;
    const bytes = pagesOf(p.exhibit).bytes();
    // Awaited in its turn, which reports a failure; until then it is not an unhandled rejection.
    bytes.catch(() => {});
    reads.set(p, bytes);
  };
  let group: Entry | undefined;
  let volume = 1;
  const startVolume = (v: number) => {
    if (v <= volume) return;
    volume = v;
    w.cover(volume);
    w.reserveVolumeContents(volume, prepared);
  };
  for (const category of EVIDENCE_CATEGORIES) {
    const items = prepared.filter((p) => p.exhibit.category === category);
    if (items.length === 0) continue;
    startVolume(items[0]?.volume ?? volume);
    w.currentExhibit = undefined;
    ts.newPage();
    group ??= w.entry(text.b('sections.evidence'));
    const section = w.entry(`${EXHIBIT_LETTER[category]}  ${text.categoryName(category)}`, group);
    ts.gap(200);
    ts.text(EXHIBIT_LETTER[category], { size: 60, bold: true, color: MUTED, lineHeight: 1.1 });
    ts.text(text.categoryName(category), { size: 26, bold: true });
    ts.text(text.b('divider.exhibits', { count: items.length }), { size: 12, color: MUTED });
    ts.gap(12);
    for (const p of items) ts.text(`${p.exhibit.exhibitId}  ${p.exhibit.title}`, { size: 10 });

    for (const p of items) {
      const { exhibit: x } = p;
      startVolume(p.volume);
      const { meta } = pagesOf(x);
      const start = doc.getPageCount();
      let pages: Array<PDFPage | undefined>;
      if (shown(p)) {
        await onExhibit(x);
        read(p);
        read(sequence[sequence.indexOf(p) + 1]);
        pages = await copyExhibitPages(doc, ts, await (reads.get(p) as Promise<Uint8Array>), meta);
        reads.delete(p);
      } else {
        // An exhibit of another volume holds its place with blank pages: numbers and labels stay
        // right while only this volume's pages are held (lib/export/volumes-save.ts saveVolumes).
        pages = Array.from({ length: meta.pages }, () => undefined);
      }
      for (const page of pages) {
        if (page) doc.addPage(page);
        else doc.addPage(A4);
        w.pageExhibit.push(x.exhibitId);
      }
      w.contents.add(`${x.exhibitId}  ${x.title}`, start, section);
      w.refs.markFrom(x.exhibitId, meta.marks, start);
      for (const ch of meta.missing) ts.missing.add(ch);
      if (meta.warning) w.warnings.push({ exhibitId: x.exhibitId, ...meta.warning });
    }
  }
  w.currentExhibit = undefined;
}

/** The manifest of every exhibit, then the declaration with room to sign. */
export function writeAppendix(w: BundleWriter, attachedOriginals: boolean): void {
  const { ts, data } = w;
  const { b } = w.text;
  ts.newPage();
  w.entry(b('sections.appendix'));
  ts.heading(b('sections.appendix'));
  ts.text(b('appendix.intro'), { size: 9, color: MUTED });
  ts.gap(4);
  const labels = { exhibitId: b('appendix.exhibitId'), titleAndName: b('appendix.titleAndName'), type: b('appendix.type'), size: b('appendix.size'), uploadedAt: b('appendix.uploadedAt'), sha256: b('appendix.sha256') };
  const lines = data.exhibits.map((x) => ({
    exhibitId: x.exhibitId,
    title: x.title,
    originalName: x.originalName,
    type: typeName(x, (kind) => b(`appendix.types.${kind}`)),
    size: sizeParts(x.size),
    uploadedAt: chinaTime(x.uploadedAt),
    sha256: x.sha256,
    ...(x.omitOriginal ? { note: b('appendix.omitted') } : VIDEO_KINDS.has(x.kind as FileKind) ? { note: b('video.manifestNote') } : {}),
  }));
  drawManifest(ts, monoFont(w.doc), labels, lines);
  if (attachedOriginals) ts.text(b('attachments'), { size: 9, color: MUTED });
  ts.gap(16);
  ts.ensure(230);
  w.entry(b('sections.declaration'));
  ts.heading(b('sections.declaration'), 14);
  ts.text(b('declaration.text'), { size: 11, lineHeight: 1.8 });
  ts.gap(12);
  ts.text(b('declaration.name', { name: data.case.contactName }), { size: 11 });
  ts.text(b('declaration.shop', { shop: data.case.shopName }), { size: 11 });
  ts.text(b('declaration.date', { date: toChinaDate(w.now) }), { size: 11 });
  ts.gap(36);
  ts.text(`${b('declaration.signature')} ________________________`, { size: 11 });
  ts.gap(24);
  ts.text(`${b('declaration.signDate')} ________________________`, { size: 11 });
}
