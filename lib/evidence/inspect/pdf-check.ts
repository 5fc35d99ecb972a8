import 'server-only';
import { PDFDocument } from 'pdf-lib';

export type PdfInspection = {
  status: 'ok' | 'encrypted' | 'unreadable';
  pageCount?: number;
  /** From the CreationDate in the document information; absent when missing or malformed. */
  documentDate?: Date;
  /** Why a PDF is unreadable, or on 'ok' a warning worth showing (the upload may be incomplete). */
  reason?: string;
};

/** Writers may append a little after %%EOF (a newline, a signature block); 1 KB is the customary search window. */
const EOF_WINDOW = 1024;

/**
 * Checks that a PDF can be opened and counted, reading it without changing a byte: the original is
 * evidence. Encrypted files are reported, not opened, because a reviewer could not open them either.
 * Callers bound the size before this: pdf-lib parses the whole file in memory.
 */
export async function inspectPdf(bytes: Uint8Array): Promise<PdfInspection> {
  if (!hasHeader(bytes)) return { status: 'unreadable', reason: 'noPdfHeader' };

  let doc: PDFDocument;
  try {
    // ignoreEncryption lets the load finish so isEncrypted can be read, instead of one opaque throw.
    doc = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true });
  } catch (error) {
    return { status: 'unreadable', reason: `parseFailed: ${messageOf(error)}` };
  }
  if (doc.isEncrypted) return { status: 'encrypted', reason: 'encrypted' };

  let pageCount: number;
  try {
    // pdf-lib recovers from a lot (it scans objects instead of trusting the xref table), but a
    // missing catalog or page tree only shows up when the pages are walked.
    pageCount = doc.getPageCount();
  } catch (error) {
    return { status: 'unreadable', reason: `noPageTree: ${messageOf(error)}` };
  }
  if (pageCount === 0) return { status: 'unreadable', reason: 'noPages' };

  const documentDate = creationDate(doc);
  const truncated = !hasEofMarker(bytes);
  return {
    status: 'ok',
    pageCount,
    ...(documentDate ? { documentDate } : {}),
    ...(truncated ? { reason: 'noEofMarker' } : {}),
  };
}

function creationDate(doc: PDFDocument): Date | undefined {
  try {
    const date = doc.getCreationDate();
    return date && !Number.isNaN(date.getTime()) ? date : undefined;
  } catch {
    // A malformed date string is metadata noise, not a reason to refuse the document.
    return undefined;
  }
}

/** The spec allows junk before the header (some mail gateways prepend some); readers search the first 1 KB. */
function hasHeader(bytes: Uint8Array): boolean {
  return latin1(bytes.subarray(0, 1024)).includes('%PDF-');
}

function hasEofMarker(bytes: Uint8Array): boolean {
  return latin1(bytes.subarray(Math.max(0, bytes.length - EOF_WINDOW))).includes('%%EOF');
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message.slice(0, 200) : String(error);
}
