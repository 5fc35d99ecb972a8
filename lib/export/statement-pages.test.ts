import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { exhibitKey } from '@/lib/statement/references';
import { blobStore } from '@/lib/storage';
import { bundleCase } from '@/lib/testing/bundle-case';
import { pdfText, pdfWords } from '@/lib/testing/pdf-read';
import { buildBundle } from './bundle';
import { collectBundleData } from './collect';

const now = new Date('2026-11-22T04:00:00Z');
const dir = mkdtempSync(path.join(tmpdir(), 'statement-pages-'));
const pageText = (file: string, page: number) => pdfText(file, { first: page, last: page });

let file: string;
let doc: PDFDocument;
let english: string;
let again: () => Promise<Uint8Array>;

beforeAll(async () => {
  const { caseId, ids } = await bundleCase();
  const statement = {
    whatHappened: `买家与客服沟通后下单${exhibitKey(ids.chat)}，[订单 4012345678901234567]已签收。`,
    whyGenuine: `发票与订单一致${exhibitKey(ids.invoice)}。已删除的证据不打印${exhibitKey('gone-for-good')}。`,
    evidence: '见上文。',
    context: '',
    prevention: '',
  };
  await db.case.update({ where: { id: caseId }, data: { statement: JSON.stringify(statement) } });
  const data = await collectBundleData(caseId);
  const out = await buildBundle(data, blobStore(), { maxBytes: 20 * 1024 * 1024, attachOriginals: false, now });
  again = async () => (await buildBundle(data, blobStore(), { maxBytes: 20 * 1024 * 1024, attachOriginals: false, now })).volumes[0]!.bytes;
  file = path.join(dir, 'bundle.pdf');
  writeFileSync(file, out.volumes[0]!.bytes);
  doc = await PDFDocument.load(out.volumes[0]!.bytes);
  // The same case as an English document (Amazon's language): the references in its words.
  const en = await buildBundle({ ...data, language: 'en' }, blobStore(), { maxBytes: 20 * 1024 * 1024, attachOriginals: false, now });
  english = path.join(dir, 'english.pdf');
  writeFileSync(english, en.volumes[0]!.bytes);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The 0-based targets of the link annotations on a 0-based page. */
function linkTargets(pageIndex: number): number[] {
  const annots = doc.getPage(pageIndex).node.lookup(PDFName.of('Annots'), PDFArray);
  const pages = doc.getPages().map((p) => p.ref.toString());
  return Array.from({ length: annots.size() }, (_, i) => pages.indexOf(annots.lookup(i, PDFDict).lookup(PDFName.of('Dest'), PDFArray).get(0).toString()));
}

describe('statement references in the bundle', () => {
  it('prints each exhibit with the page its stamp is on, links there, and drops the deleted one', async () => {
    let statementPage = 0;
    for (let p = 1; p <= 6 && !statementPage; p++) if ((await pageText(file, p)).includes('一、事情经过')) statementPage = p;
    expect(statementPage).toBeGreaterThan(0);
    const text = (await pageText(file, statementPage)).replace(/\s+/g, ' ');
    expect(text).not.toContain('[[ev:');
    expect(text).not.toContain('gone');
    expect(text).toContain('已删除的证据不打印。');
    const targets = linkTargets(statementPage - 1);
    for (const id of ['C-001', 'B-001']) {
      const m = new RegExp(`（证据 ${id}， ?第 ?(\\d+) ?页）`).exec(text);
      expect(m, `${id} in: ${text}`).not.toBeNull();
      const page = Number(m![1]);
      // The page printed is the exhibit's first page, as the contents give it (its stamp is on it), and the link goes there.
      const contents = new RegExp(`${id}\\s+\\S+[\\s.]+第 ?(\\d+) ?页`).exec(await pageText(file, 2));
      expect(Number(contents?.[1])).toBe(page);
      expect(await pageText(file, page)).toContain(id);
      expect(targets).toContain(page - 1);
    }
  }, 60_000);

  it('prints the words after a reference right after its page number, in both languages', async () => {
    for (const [source, ending] of [[file, /页），/], [english, /\d\)，/]] as const) {
      let statementPage = 0;
      for (let p = 1; p <= 6 && !statementPage; p++) if ((await pageText(source, p)).includes('一、事情经过')) statementPage = p;
      const words = await pdfWords(source, statementPage);
      // "（证据 C-001，第 5 页），[订单 …]": the comma after the bracket is drawn beside it, so it reads as one word.
      const text = words.map((w) => w.text).join(' ');
      expect(text).toMatch(ending);
    }
  }, 60_000);

  it('draws the same bytes when the same case is exported again', async () => {
    expect(Buffer.from(await again()).equals(readFileSync(file))).toBe(true);
  }, 60_000);

  it('prints an order as its number and links it to its dossier page', async () => {
    let statementPage = 0;
    for (let p = 1; p <= 6 && !statementPage; p++) if ((await pageText(file, p)).includes('一、事情经过')) statementPage = p;
    expect(await pageText(file, statementPage)).toContain('订单 4012345678901234567');
    const dossier = linkTargets(statementPage - 1).filter((t) => t > statementPage - 1);
    const texts = await Promise.all(dossier.map((t) => pageText(file, t + 1)));
    expect(texts.some((t) => t.includes('4012345678901234567') && !t.includes('（证据'))).toBe(true);
  }, 60_000);

  it('prints references in English for an English document, with the same pages', async () => {
    let statementPage = 0;
    // The headings are the case's own (a Tmall case's are Chinese); the references are the document's.
    for (let p = 1; p <= 6 && !statementPage; p++) if ((await pageText(english, p)).includes('一、事情经过')) statementPage = p;
    expect(statementPage).toBeGreaterThan(0);
    const text = (await pageText(english, statementPage)).replace(/\s+/g, ' ');
    const m = /\(Exhibit C-001, ?p\. ?(\d+)\)/.exec(text);
    expect(m, text).not.toBeNull();
    expect(await pageText(english, Number(m![1]))).toContain('C-001');
    expect(text).not.toContain('（证据');
  }, 60_000);
});
