import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { A4, MARGIN } from '@/lib/pdf/layout';
import { blobStore } from '@/lib/storage';
import { bundleCase } from '@/lib/testing/bundle-case';
import { pdfText, pdfWords, type Word } from '@/lib/testing/pdf-read';
import { buildBundle } from './bundle';
import { collectBundleData, type BundleData } from './collect';

const dir = mkdtempSync(path.join(tmpdir(), 'legible-test-'));
const LONG_TITLE = '二〇二六年十一月顺丰速运寄件底单与签收记录截图（含快递员手写签名和收件人身份证后四位核对页）';
let data: BundleData;
let file: string;

/** A page's words with positions in points, grouped into rows by baseline, top to bottom. */
async function rows(page: number): Promise<Word[][]> {
  const byRow = new Map<number, Word[]>();
  for (const w of await pdfWords(file, page)) byRow.set(Math.round(w.yMax), [...(byRow.get(Math.round(w.yMax)) ?? []), w]);
  return [...byRow.entries()].sort(([a], [b]) => a - b).map(([, r]) => r.sort((a, b) => a.xMin - b.xMin));
}
/** The last page whose text holds `needle` (1-based): the manifest comes after the exhibits' captions. */
let pages: Promise<string[]> | undefined;
const lastPageWith = async (needle: string) => {
  // Read once: pdf.js (the bare-machine path) takes seconds over the whole bundle.
  pages ??= pdfText(file).then((text) => text.split('\f'));
  return (await pages).findLastIndex((p) => p.includes(needle)) + 1;
};

beforeAll(async () => {
  const { caseId } = await bundleCase();
  data = await collectBundleData(caseId);
  (data.exhibits[0] as BundleData['exhibits'][number]).title = LONG_TITLE;
  const out = await buildBundle(data, blobStore(), { maxBytes: 20 * 1024 * 1024, attachOriginals: false, now: new Date('2026-11-22T04:00:00Z') });
  file = path.join(dir, 'bundle.pdf');
  writeFileSync(file, out.volumes[0]!.bytes);
  if (process.env.KEEP_BUNDLE) writeFileSync(process.env.KEEP_BUNDLE, out.volumes[0]!.bytes);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a bundle a reviewer can read', () => {
  it('prints every SHA-256 whole on one line, in a monospace face at 9 pt or more', async () => {
    const page = await lastPageWith(data.exhibits[0]!.sha256);
    expect(page).toBeGreaterThan(0);
    const words = (await rows(page)).flat();
    for (const x of data.exhibits) {
      const word = words.find((w) => w.text === x.sha256);
      expect(word, x.exhibitId).toBeDefined();
      // Courier's glyphs are 0.6 em wide: 64 of them at 9 pt take 345.6 pt.
      expect((word!.xMax - word!.xMin) / (64 * 0.6)).toBeGreaterThanOrEqual(8.99);
    }
  }, 30_000);

  it('names file types for people, not as MIME types', async () => {
    const page = await lastPageWith(data.exhibits[0]!.sha256);
    const text = await pdfText(file, { first: page });
    expect(text).not.toMatch(/application\/|image\/|text\//);
    for (const name of ['PDF 文档', 'JPEG 照片', '聊天记录', 'CSV 表格']) expect(text).toContain(name);
  });

  it('gives every contents line a dot leader ending on one column and a page number right-aligned at the margin', async () => {
    // Contents lines end in "第 N 页"; the footer (第 2 页 / 共 19 页) is not one of them.
    const lines = (await rows(2)).filter((r) => r.at(-1)?.text.endsWith('页') && !r.some((w) => w.text === '共'));
    expect(lines.length).toBeGreaterThanOrEqual(15);
    const right = A4[0] - MARGIN.right;
    const leaderEnds = new Set<number>();
    for (const line of lines) {
      expect(line.at(-1)!.xMax).toBeCloseTo(right, 0);
      const dots = line.filter((w) => w.text === '.');
      expect(dots.length).toBeGreaterThanOrEqual(3);
      leaderEnds.add(Math.round(dots.at(-1)!.xMax * 10));
    }
    expect(leaderEnds.size).toBe(1);
    // The long title wraps: its first line has neither leader nor number, its last line both.
    const all = await rows(2);
    const first = all.findIndex((r) => r.some((w) => w.text.includes('二〇二六年')));
    expect(all[first]!.some((w) => w.text === '.' || w.text.endsWith('页'))).toBe(false);
    // Page 9: after the two flagged orders' dossier pages.
    expect(all[first + 1]!.map((w) => w.text).join('')).toMatch(/核对页）\.+第9页$/);
  });

  it('reads the same in an English bundle', async () => {
    const out = await buildBundle({ ...data, language: 'en' }, blobStore(), { maxBytes: 20 * 1024 * 1024, attachOriginals: false, now: new Date('2026-11-22T04:00:00Z') });
    const en = path.join(dir, 'en.pdf');
    writeFileSync(en, out.volumes[0]!.bytes);
    if (process.env.KEEP_BUNDLE) writeFileSync(process.env.KEEP_BUNDLE.replace(/\.pdf$/, '-en.pdf'), out.volumes[0]!.bytes);
    const text = await pdfText(en);
    for (const x of data.exhibits) expect(text).toMatch(new RegExp(`SHA-256\\s+${x.sha256}`));
    for (const name of ['PDF document', 'JPEG photo', 'Chat log', 'CSV table']) expect(text).toContain(name);
    expect(text).toMatch(/Appendix[^\n]*\. \. \.[^\n]*\d+\s*$/m);
  }, 60_000);
});
