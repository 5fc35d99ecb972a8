import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { inspectPdf } from './pdf-check';
import { encryptedPdf, generatedPdf, handWrittenPdf, photo } from './test-fixtures';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const indexOf = (bytes: Uint8Array, text: string) => Buffer.from(bytes).indexOf(text, 0, 'latin1');

describe('inspectPdf', () => {
  // pdf-lib reports every object it skips on console.warn; the verdict is what these tests check.
  beforeEach(() => void vi.spyOn(console, 'warn').mockImplementation(() => undefined));
  afterEach(() => vi.restoreAllMocks());

  it('counts pages and reads the creation date, leaving the bytes untouched', async () => {
    const pdf = await generatedPdf(3, new Date('2026-11-11T12:00:00Z'));
    const before = sha256(pdf);
    const result = await inspectPdf(pdf);
    expect(result).toEqual({ status: 'ok', pageCount: 3, documentDate: new Date('2026-11-11T12:00:00Z') });
    expect(sha256(pdf)).toBe(before);
  });

  it('reads a hand-written PDF with no information dictionary: no date', async () => {
    expect(await inspectPdf(handWrittenPdf())).toEqual({ status: 'ok', pageCount: 1 });
  });

  it('reports an encrypted PDF as encrypted', async () => {
    expect(await inspectPdf(encryptedPdf())).toMatchObject({ status: 'encrypted' });
  });

  it('refuses a PDF cut off inside its page tree', async () => {
    const pdf = await generatedPdf(3);
    const cut = pdf.subarray(0, indexOf(pdf, '/Kids') + 8);
    expect(await inspectPdf(cut)).toMatchObject({ status: 'unreadable' });
  });

  it('refuses a PDF cut off before the page objects it refers to', async () => {
    const pdf = await generatedPdf(3);
    const firstPage = indexOf(pdf, '/Type /Page\n');
    expect(firstPage).toBeGreaterThan(0);
    const result = await inspectPdf(pdf.subarray(0, firstPage));
    expect(result.status).toBe('unreadable');
    expect(result.reason).toBeTruthy();
  });

  it('recovers a PDF that lost only its xref table and trailer, and warns about the missing end', async () => {
    const pdf = await generatedPdf(3);
    const cut = pdf.subarray(0, indexOf(pdf, 'xref'));
    expect(await inspectPdf(cut)).toEqual({ status: 'ok', pageCount: 3, reason: 'noEofMarker' });
  });

  it('refuses garbage after %PDF-', async () => {
    const garbage = Buffer.concat([Buffer.from('%PDF-'), Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 7919) % 256))]);
    expect(await inspectPdf(garbage)).toMatchObject({ status: 'unreadable' });
    expect(await inspectPdf(Buffer.from(`%PDF-1.7\n${'x'.repeat(500)}`))).toMatchObject({ status: 'unreadable' });
  });

  it('refuses a file that is not a PDF at all, and an empty one', async () => {
    expect(await inspectPdf(await photo('jpeg'))).toEqual({ status: 'unreadable', reason: 'noPdfHeader' });
    expect(await inspectPdf(new Uint8Array(0))).toEqual({ status: 'unreadable', reason: 'noPdfHeader' });
  });

  it('refuses a PDF whose page tree is empty', async () => {
    const empty = Buffer.from(Buffer.from(handWrittenPdf()).toString('latin1').replace('/Kids [3 0 R] /Count 1', '/Kids [] /Count 0  '), 'latin1');
    expect(await inspectPdf(empty)).toEqual({ status: 'unreadable', reason: 'noPages' });
  });
});
