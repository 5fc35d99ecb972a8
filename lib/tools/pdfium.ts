import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PDFiumLibrary } from '@hyzyla/pdfium';
import sharp from 'sharp';

// From the project root, not require.resolve: the bundler would make the .wasm a module and fail.
const WASM = path.join(process.cwd(), 'node_modules', '@hyzyla', 'pdfium', 'dist', 'pdfium.wasm');
let library: Promise<PDFiumLibrary> | undefined;

/**
 * One PDFium per process (or task thread): loading its 4 MB of WebAssembly takes ~80 ms. Its memory
 * grows to the largest documents open at once and is not given back (WebAssembly memory never shrinks).
 */
export function pdfium(): Promise<PDFiumLibrary> {
  library ??= readFile(WASM)
    .then((wasm) => PDFiumLibrary.init({ wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer }))
    .catch((error: unknown) => {
      library = undefined;
      throw error;
    });
  return library;
}

/**
 * One page of a PDF as a PNG, rendered by PDFium compiled to WebAssembly (@hyzyla/pdfium, MIT;
 * PDFium itself BSD) and encoded by sharp: the preview path on a machine without poppler. The
 * size follows pdftoppm's (points × dpi / 72, rounded up), so both paths give the same picture.
 */
export async function renderPageWasm(pdf: Uint8Array, dpi: number, pageIndex = 0): Promise<Buffer> {
  const document = await (await pdfium()).loadDocument(pdf);
  try {
    const page = document.getPage(pageIndex);
    const size = page.getOriginalSize();
    const width = Math.ceil((size.originalWidth * dpi) / 72);
    const height = Math.ceil((size.originalHeight * dpi) / 72);
    const image = await page.render({ width, height, render: 'bitmap' });
    // Opaque white, as pdftoppm gives: the bitmap is filled white before drawing.
    return await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 4 } }).removeAlpha().png().toBuffer();
  } finally {
    document.destroy();
  }
}
