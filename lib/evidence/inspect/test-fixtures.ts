import { readFileSync } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import ExcelJS from 'exceljs';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { buildZip } from '@/lib/zip/test-zip';
import { qpdfTransform } from '@/lib/testing/pdf-read';

/*
 * Every evidence file the inspect tests need, generated in code: no real merchant's photo or
 * document can leak into the repository. The one exception is HEIC, which nothing installed by
 * npm can encode: lib/testing/fixtures/make-heic.mjs made those files from generated pixels.
 */

/** A committed HEIC fixture: 'iphone-portrait.heic' (irot + EXIF 6, date, GPS) or 'burst-second-primary.heic'. */
export function heicPhoto(name: 'iphone-portrait.heic' | 'burst-second-primary.heic'): Buffer {
  return readFileSync(path.join(import.meta.dirname, '../../testing/fixtures', name));
}

export type PhotoOptions = { width?: number; height?: number; orientation?: number; takenAt?: string; offset?: string; gps?: boolean };

/** A solid-colour photo carrying the EXIF a phone would write: orientation, capture time, location. */
export async function photo(format: 'jpeg' | 'png' | 'webp' | 'tiff' | 'gif', options: PhotoOptions = {}): Promise<Buffer> {
  const { width = 40, height = 20, orientation, takenAt, offset, gps } = options;
  let image = sharp({ create: { width, height, channels: 3, background: '#c0392b' } })[format]();
  const exif = {
    IFD0: { Make: 'Fixture' },
    ...(takenAt ? { IFD2: { DateTimeOriginal: takenAt, ...(offset ? { OffsetTimeOriginal: offset } : {}) } } : {}),
    ...(gps ? { IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '30/1 15/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '120/1 10/1 0/1' } } : {}),
  };
  if (takenAt || gps) image = image.withExif(exif);
  if (orientation) image = image.withMetadata({ orientation });
  return image.toBuffer();
}

/**
 * A PNG whose header claims width × height but whose pixel data is one black pixel: what a
 * decompression bomb looks like to anything that trusts the header, at a few dozen bytes.
 */
export async function pixelBombPng(width: number, height: number): Promise<Buffer> {
  const png = Buffer.from(await sharp({ create: { width: 1, height: 1, channels: 3, background: '#000' } }).png().toBuffer());
  // Signature (8), IHDR length (4) and type (4), then width and height; the CRC covers type and data.
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)) >>> 0, 29);
  return png;
}

/** A PDF made by pdf-lib with fixed dates, so cut points in the tests land in the same object every run. */
export async function generatedPdf(pages: number, created = new Date('2026-11-11T12:00:00Z')): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage([200, 200]);
  doc.setCreationDate(created);
  doc.setModificationDate(created);
  return doc.save({ useObjectStreams: false });
}

/** A one-page PDF written by hand with a correct xref table; `trailerExtra` adds trailer entries. */
export function handWrittenPdf(trailerExtra = '', extraObjects: string[] = []): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
    ...extraObjects,
  ];
  let text = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(text.length);
    text += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = text.length;
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  text += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  text += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(text, 'latin1');
}

/** The standard security handler, RC4 40-bit, as an "open with password" PDF from a bank would carry. */
export function encryptedPdf(): Uint8Array {
  const id = `<${'ab'.repeat(16)}>`;
  const encrypt = `<< /Filter /Standard /V 1 /R 2 /O <${'11'.repeat(32)}> /U <${'22'.repeat(32)}> /P -44 >>`;
  return handWrittenPdf(`/Encrypt 4 0 R /ID [${id} ${id}]`, [encrypt]);
}

/** The first bytes of a 64-bit Linux program. */
export const elfHeader = (): Uint8Array => padded([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0], 64);
/** "MZ" with e_lfanew pointing at "PE\0\0", as every Windows .exe starts. */
export function peHeader(): Uint8Array {
  const bytes = padded([0x4d, 0x5a], 256);
  new DataView(bytes.buffer).setUint32(0x3c, 0x80, true);
  bytes.set([0x50, 0x45, 0, 0], 0x80);
  return bytes;
}
/** A 64-bit Mach-O (macOS) program, little-endian magic 0xfeedfacf. */
export const machOHeader = (): Uint8Array => padded([0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1], 64);

function padded(start: number[], length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  bytes.set(start);
  return bytes;
}

/** A ZIP written with the "stored" method (no compression): enough structure for file-type to read. */
export const storedZip = (entries: Array<[name: string, content: string]>): Uint8Array => buildZip(entries.map(([name, content]) => ({ name, data: Buffer.from(content, 'utf8'), store: true })));

/** The two parts that make a Word document recognisable: its content types and its body. */
export function minimalDocx(): Uint8Array {
  const main = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
  return storedZip([
    ['[Content_Types].xml', `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="${main}"/></Types>`],
    ['word/document.xml', '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>聊天记录</w:t></w:r></w:p></w:body></w:document>'],
  ]);
}

export async function minimalXlsx(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('订单').addRow(['订单编号', '金额']);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/**
 * A grey 8-bit TIFF written by hand with its image directory after the pixel data, as many scanners
 * and libtiff in append mode write it: the header's IFD offset points past the first 64 KB.
 */
export function tiffWithTrailingDirectory(width = 400, height = 300): Uint8Array {
  const pixels = Buffer.alloc(width * height, 0x80);
  const entries: Array<[tag: number, type: 3 | 4, value: number]> = [
    [256, 3, width], [257, 3, height], [258, 3, 8], [259, 3, 1], [262, 3, 1],
    [273, 4, 8], [277, 3, 1], [278, 3, height], [279, 4, pixels.length],
  ];
  const ifd = Buffer.alloc(2 + entries.length * 12 + 4);
  ifd.writeUInt16LE(entries.length, 0);
  entries.forEach(([tag, type, value], i) => {
    const at = 2 + i * 12;
    ifd.writeUInt16LE(tag, at);
    ifd.writeUInt16LE(type, at + 2);
    ifd.writeUInt32LE(1, at + 4);
    if (type === 3) ifd.writeUInt16LE(value, at + 8);
    else ifd.writeUInt32LE(value, at + 8);
  });
  const header = Buffer.from([0x49, 0x49, 42, 0, 0, 0, 0, 0]);
  header.writeUInt32LE(8 + pixels.length, 4);
  return new Uint8Array(Buffer.concat([header, pixels, ifd]));
}

/**
 * A PDF encrypted only to restrict printing and copying (empty user password), as bank and platform
 * statements are made; written by qpdf (as WebAssembly, so any machine makes the same fixture).
 */
export async function ownerLockedPdf(): Promise<Uint8Array> {
  return qpdfTransform(await generatedPdf(2), ['--encrypt', '', 'owner-secret', '256', '--print=none', '--modify=none']);
}

/** A PDF that needs a password to open at all: no tool may open it, the bundle explains it instead. */
export async function userLockedPdf(): Promise<Uint8Array> {
  return qpdfTransform(await generatedPdf(2), ['--encrypt', 'user-secret', 'owner-secret', '256']);
}
