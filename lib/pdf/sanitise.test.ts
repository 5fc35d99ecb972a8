import { PDFDict, PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { ACTIVE_KEYS, everyName, hostilePdf } from '@/lib/testing/hostile-pdf';
import { pdfText } from '@/lib/testing/pdf-read';
import { activeContent, sanitisePages } from './sanitise';

async function merged(bytes: Uint8Array) {
  const source = await PDFDocument.load(bytes);
  const removed = sanitisePages(source);
  const doc = await PDFDocument.create();
  for (const page of await doc.copyPages(source, source.getPageIndices())) doc.addPage(page);
  return { removed, saved: await doc.save() };
}

describe('activeContent', () => {
  it('finds every kind in a hostile PDF, and none in a plain one', async () => {
    expect(activeContent(await PDFDocument.load(await hostilePdf()))).toEqual(['scripts', 'actions', 'links', 'forms', 'media', 'embeddedFiles']);
    const plain = await PDFDocument.create();
    plain.addPage();
    expect(activeContent(plain)).toEqual([]);
  });
});

/** Active keys written with #-escapes (/J#53 is /JS), as a hostile file may spell them to slip past a filter. */
const ESCAPED = `%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R /Open#41ction 4 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /A#41 << /O << /S /JavaScript /J#53 (app.alert(1)) >> >> >> endobj
4 0 obj << /S /JavaScript /J#53 (app.alert(2)) >> endobj
trailer << /Root 1 0 R /Size 5 >>
%%EOF`;

describe('sanitisePages', () => {
  it('finds and removes active keys spelled with #-escapes', async () => {
    const bytes = new TextEncoder().encode(ESCAPED);
    expect(activeContent(await PDFDocument.load(bytes))).toEqual(['scripts', 'actions']);
    const { removed, saved } = await merged(bytes);
    expect(removed).toEqual(['actions']);
    const names = everyName(await PDFDocument.load(saved));
    expect(ACTIVE_KEYS.filter((k) => names.has(k))).toEqual([]);
  });

  it('leaves no active key or action anywhere in the copy, and says what it removed', async () => {
    const { removed, saved } = await merged(await hostilePdf());
    expect(removed).toEqual(['scripts', 'actions', 'links', 'forms', 'media', 'embeddedFiles']);
    const names = everyName(await PDFDocument.load(saved));
    expect(ACTIVE_KEYS.filter((k) => names.has(k))).toEqual([]);
  });

  it('keeps only the http(s) link, without its chained script', async () => {
    const { saved } = await merged(await hostilePdf());
    const doc = await PDFDocument.load(saved);
    const annots = doc.getPage(0).node.Annots()?.asArray().map((r) => doc.context.lookup(r, PDFDict)) ?? [];
    expect(annots).toHaveLength(1);
    const action = annots[0]!.lookup(PDFName.of('A'), PDFDict);
    expect(action.lookup(PDFName.of('URI'), PDFString).decodeText()).toBe('https://example.com/proof');
    expect(action.has(PDFName.of('Next'))).toBe(false);
  });

  it('draws a filled field as it looked, once the field is gone', async () => {
    const { saved } = await merged(await hostilePdf());
    const text = await pdfText(saved);
    expect(text).toContain('HOSTILE PAGE TEXT');
    expect(text).toContain('FIELD VALUE 42');
  });
});
