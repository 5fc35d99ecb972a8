import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { hasTool } from '@/lib/testing/has-tool';
import { croppedPdf } from '@/lib/testing/hostile-pdf';
import { makeStampRoom } from './page-marks';

const dir = mkdtempSync(path.join(tmpdir(), 'page-marks-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The page shrunk for the stamps, rendered as a viewer shows it (pdftoppm honours clips, pdftotext does not). */
async function render(bytes: Uint8Array, name: string): Promise<Buffer> {
  const source = await PDFDocument.load(bytes);
  const doc = await PDFDocument.create();
  const [page] = await doc.copyPages(source, [0]);
  makeStampRoom(page!);
  doc.addPage(page!);
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, await doc.save());
  return execFileSync('pdftoppm', ['-r', '50', '-gray', '-singlefile', file]);
}

describe.skipIf(!hasTool('pdftoppm'))('makeStampRoom', () => {
  it.each([0, 90])('shows exactly what the CropBox showed, nothing from outside it (rotation %i)', async (rotation) => {
    const withHidden = await render(await croppedPdf(rotation, true), `hidden-${rotation}`);
    const without = await render(await croppedPdf(rotation, false), `plain-${rotation}`);
    // Same pixels as the same page without the lines outside the box: they stay out of view.
    expect(withHidden.equals(without)).toBe(true);
    const page = (await PDFDocument.load(await croppedPdf(rotation))).getPage(0);
    expect([page.getCropBox().height, page.getRotation().angle]).toEqual([842, rotation]);
  });
});
