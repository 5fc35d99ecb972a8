import 'server-only';
import { PDFDocument, type PDFPage } from 'pdf-lib';
import { addLink, setOutline, setPageLabels } from '@/lib/pdf/navigation';
import { savePdf } from '@/lib/pdf/save';
import type { ContentsLink } from './contents';
import type { Prepared } from './prepare';
import { measurePages, planVolumes, unitsOf, type Unit } from './volumes';
import type { BundleWriter } from './writer';

/** `size`: the saved bytes' length, kept when the bytes were handed out already (BundleOptions.spill). */
export type BundleVolume = { bytes: Uint8Array; size: number; pages: number; firstPage: number };
/** A bundle laid out in one document, stamped, its contents written: what saving needs. */
export type LaidOut = { doc: PDFDocument; writer: BundleWriter; links: ContentsLink[] };
type Metadata = (doc: PDFDocument, volume?: number) => void;

/** The bundle as one document: links, bookmarks, metadata, and the attachments if any. */
export async function saveWhole({ doc, writer, links }: LaidOut, metadata: Metadata, attach: (doc: PDFDocument) => Promise<void>): Promise<BundleVolume> {
  const pages = doc.getPages();
  for (const link of links) addLink(doc, pages[link.tocPage] as PDFPage, link.rect, pages[link.target] as PDFPage);
  setOutline(doc, writer.contents.outline((i) => pages[i]));
  metadata(doc);
  await attach(doc);
  const bytes = await savePdf(doc);
  return { bytes, size: bytes.length, pages: pages.length, firstPage: 1 };
}

/**
 * One document per volume (or only volume `only`), cut at the writer's volume starts: page labels run
 * on from the previous volume, links and bookmarks stay within the volume.
 */
export async function saveVolumes({ doc, writer, links }: LaidOut, metadata: Metadata, onVolume: (v: number, count: number) => Promise<void> | void, only?: number): Promise<BundleVolume[]> {
  const total = doc.getPageCount();
  const count = writer.volumeStarts.length;
  const volumes: BundleVolume[] = [];
  for (let v = only ?? 1; v <= (only ?? count); v++) {
    const start = writer.volumeStarts[v - 1] ?? 0;
    const end = writer.volumeStarts[v] ?? total;
    const part = await PDFDocument.create();
    const copied = await part.copyPages(doc, Array.from({ length: end - start }, (_, i) => start + i));
    for (const page of copied) part.addPage(page);
    const pageOf = (i: number) => (i >= start && i < end ? copied[i - start] : undefined);
    for (const link of links) {
      const from = pageOf(link.tocPage);
      const to = pageOf(link.target);
      if (from && to) addLink(part, from, link.rect, to);
    }
    setOutline(part, writer.contents.outline(pageOf));
    setPageLabels(part, start + 1);
    metadata(part, v);
    const bytes = await savePdf(part);
    volumes.push({ bytes, size: bytes.length, pages: end - start, firstPage: start + 1 });
    await onVolume(v, count);
  }
  return volumes;
}

export type Units = { front: number; exhibits: Unit[]; appendix: number; shared: number };

/**
 * What each part of a laid-out bundle weighs, its measured page costs scaled so they add up to
 * the saved size; `extra` adds an exhibit's bytes its layout left out (blank stand-in pages).
 */
export function measuredUnits({ doc, writer }: LaidOut, savedBytes: number, extra: (exhibitId: string) => number = () => 0): Units {
  const measured = measurePages(doc);
  const raw = unitsOf(measured.pages, writer.pageExhibit);
  const scale = savedBytes / (measured.shared + measured.pages.reduce((a, b) => a + b, 0));
  const exhibits = raw.exhibits.map((u) => ({ ...u, bytes: u.bytes * scale + extra(u.exhibitId ?? '') }));
  return { front: raw.front * scale, appendix: raw.appendix * scale, exhibits, shared: measured.shared * scale };
}

/**
 * Splits a bundle too big for one document. Volume breaks come from each exhibit's measured
 * bytes; then `build` lays out and saves the volumes. A volume that still comes out over the
 * limit tightens the budget for another try (at most three); one holding an exhibit that alone
 * exceeds the limit is reported in `oversized` instead. `volumes` is null when it all fits in one.
 */
export async function splitVolumes(units: Units, maxBytes: number, prepared: Prepared[], build: (count: number) => Promise<{ laid: LaidOut; volumes: BundleVolume[] }>) {
  let budget = maxBytes * 0.98;
  for (let round = 1; ; round++) {
    const plan = planVolumes(units, units.shared, budget);
    if (plan.volumes === 1) return { laid: null, volumes: null, oversized: plan.oversized };
    for (const p of prepared) p.volume = plan.volumeOf.get(p.exhibit.exhibitId) ?? 1;
    const built = await build(plan.volumes);
    const excused = (v: number) => plan.oversized.some((id) => plan.volumeOf.get(id) === v);
    const over = Math.max(0, ...built.volumes.map((v, i) => (excused(i + 1) ? 0 : v.size - maxBytes)));
    if (over === 0 || round === 3) return { ...built, oversized: plan.oversized };
    budget -= over + maxBytes * 0.01;
  }
}
