import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { embedChineseFonts } from '@/lib/pdf/fonts';
import { Typesetter } from '@/lib/pdf/layout';
import { lineKey, PageRefs } from './page-refs';

/** A front page with references, then an exhibit's pages: B-003 starts on the third page. */
async function laidOut() {
  const doc = await PDFDocument.create();
  const pageExhibit: Array<string | undefined> = [];
  const at: { exhibit?: string } = {};
  const ts = new Typesetter(doc, await embedChineseFonts(doc, '供货合同 第页卷二一二三四五六七八九十—'), () => pageExhibit.push(at.exhibit));
  const refs = new PageRefs(ts);
  ts.newPage();
  refs.line('B-003  供货合同', 'B-003');
  refs.line('X-009  deleted', 'X-009');
  ts.newPage();
  at.exhibit = 'B-003';
  ts.newPage();
  ts.newPage();
  const starts = new Map<string, number>();
  pageExhibit.forEach((id, i) => id && !starts.has(id) && starts.set(id, i));
  return { ts, refs, startOf: (id: string) => starts.get(id) };
}

describe('PageRefs', () => {
  it('labels a reference with its exhibit’s first page once laid out, and links to it', async () => {
    const { refs, startOf } = await laidOut();
    const labels: unknown[] = [];
    const links = refs.write((v, n, here) => (labels.push([v, n, here]), `第 ${n} 页`), startOf, () => 1);
    expect(labels).toEqual([[1, 3, 1]]);
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({ tocPage: 0, target: 2 });
    expect(links[0]!.rect.width).toBeGreaterThan(10);
  });

  it('names the volume of an exhibit in another volume and makes no link into the other file', async () => {
    const { refs, startOf } = await laidOut();
    const labels: unknown[] = [];
    const links = refs.write((v, n, here) => (labels.push([v, n, here]), `卷${v} 第 ${n} 页`), startOf, (i) => (i >= 2 ? 2 : 1));
    expect(labels).toEqual([[2, 3, 1]]);
    expect(links).toEqual([]);
  });

  it('reserves room for the widest label, so the words before it are cut rather than overlapped', async () => {
    const { ts, refs } = await laidOut();
    const font = ts.fonts.regular;
    expect(refs.width(10)).toBeGreaterThanOrEqual(ts.measure.width('卷十二 第 88888 页', font, 10));
    expect(refs.width(10)).toBeGreaterThan(refs.width(8));
  });

  it('labels a line key with the page its message was marked on, and a key never marked with a dash', async () => {
    const doc = await PDFDocument.create();
    const ts = new Typesetter(doc, await embedChineseFonts(doc, '聊天第页—'));
    const refs = new PageRefs(ts);
    ts.newPage();
    refs.line('C-001 聊天', lineKey('C-001', 7));
    refs.line('C-001 聊天', lineKey('C-001', 9));
    ts.newPage();
    refs.mark(lineKey('C-001', 3));
    ts.newPage();
    refs.mark(lineKey('C-001', 7));
    ts.newPage();
    // Marked again later (a message is marked once, where it starts).
    refs.mark(lineKey('C-001', 7));
    const labels: string[] = [];
    const links = refs.write((_v, n) => (labels.push(`第 ${n} 页`), `第 ${n} 页`), (id) => (id === 'C-001' ? 1 : undefined), () => 1);
    expect(labels).toEqual(['第 3 页']);
    expect(links.map((l) => l.target)).toEqual([2]);
  });
});
