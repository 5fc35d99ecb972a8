import iconv from 'iconv-lite';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { detectKind, HEAD_BYTES } from './file-kind';
import { sniffText } from './text-sniff';
import { elfHeader, generatedPdf, heicPhoto, machOHeader, minimalDocx, minimalXlsx, peHeader, photo, storedZip, tiffWithTrailingDirectory } from './test-fixtures';

const utf8 = (text: string): Uint8Array => Buffer.from(text, 'utf8');
const kindOf = (head: Uint8Array, fileName: string) => detectKind({ head, fileName });

describe('detectKind: binary formats, by content', () => {
  it('refuses a zero-byte file as empty', async () => {
    expect(await kindOf(new Uint8Array(0), 'photo.jpg')).toEqual({ ok: false, reason: 'empty' });
  });

  it.each([
    ['jpeg', 'IMG_0001.JPG', 'jpeg', 'image/jpeg'],
    ['jpeg', 'wx_photo.jpeg', 'jpeg', 'image/jpeg'],
    ['png', 'screenshot.png', 'png', 'image/png'],
    ['webp', 'chat.webp', 'webp', 'image/webp'],
    ['gif', 'anim.gif', 'gif', 'image/gif'],
    ['tiff', 'scan.tif', 'tiff', 'image/tiff'],
    ['tiff', 'scan.tiff', 'tiff', 'image/tiff'],
  ] as const)('accepts a %s named %s', async (format, name, kind, mime) => {
    expect(await kindOf(await photo(format), name)).toEqual({ ok: true, kind, mime });
  });

  it('accepts a PDF, and resolves a name without extension by content', async () => {
    const pdf = await generatedPdf(1);
    expect(await kindOf(pdf, '发票.pdf')).toEqual({ ok: true, kind: 'pdf', mime: 'application/pdf' });
    expect(await kindOf(await photo('jpeg'), 'photo')).toMatchObject({ ok: true, kind: 'jpeg' });
  });

  it('accepts a TIFF whose directory sits after the first 64 KB, reading the whole file only then', async () => {
    const tiff = tiffWithTrailingDirectory();
    expect(new DataView(tiff.buffer).getUint32(4, true)).toBeGreaterThan(HEAD_BYTES);
    const head = tiff.subarray(0, HEAD_BYTES);
    expect(await kindOf(head, 'scan.tif')).toMatchObject({ ok: false, reason: 'unsupportedType' });
    let reads = 0;
    const whole = async () => (reads++, tiff);
    expect(await detectKind({ head, fileName: 'scan.tif', whole })).toEqual({ ok: true, kind: 'tiff', mime: 'image/tiff' });
    expect(reads).toBe(1);
    // Anything else is decided from the head alone.
    await detectKind({ head: await photo('jpeg'), fileName: 'a.jpg', whole });
    expect(reads).toBe(1);
  });

  it('calls a JPEG renamed .pdf a mismatch, naming what it really is', async () => {
    expect(await kindOf(await photo('jpeg'), 'invoice.pdf')).toEqual({ ok: false, reason: 'mismatch', detected: 'jpg' });
  });

  it('judges the extension after bidi characters are removed', async () => {
    const jpeg = await photo('jpeg');
    // Displayed as "photoexe.jpg" by a bidi-aware UI, but the real extension is .exe.
    expect(await kindOf(jpeg, 'photo\u202Egpj.exe')).toMatchObject({ ok: false, reason: 'mismatch' });
    expect(await kindOf(jpeg, 'photo.jpg\u202E')).toMatchObject({ ok: true, kind: 'jpeg' });
  });

  it.each([
    ['ELF', elfHeader(), 'elf'],
    ['PE', peHeader(), 'exe'],
    ['Mach-O', machOHeader(), 'macho'],
    ['shell script', utf8('#!/bin/sh\nrm -rf ~\n'), 'script'],
  ])('refuses a %s program renamed .png as executable', async (_name, head, detected) => {
    expect(await kindOf(head, 'receipt.png')).toEqual({ ok: false, reason: 'executable', detected });
  });

  it('refuses a program disguised by a bidi override as executable, not as a mismatch', async () => {
    // Shown as "invoiceexe.png" without the override removed; the content decides.
    expect(await kindOf(peHeader(), 'invoice\u202Egnp.exe')).toEqual({ ok: false, reason: 'executable', detected: 'exe' });
    expect(await kindOf(elfHeader(), 'invoice\u202Efdp.jpg')).toEqual({ ok: false, reason: 'executable', detected: 'elf' });
  });

  it.each(['setup.bat', 'run.cmd', 'a.ps1', 'x.vbs', 'y.js', 'z.hta', 'i.msi', 'p.scr', 'q.sh'])('refuses a text file named %s as executable', async (name) => {
    expect(await kindOf(utf8('@echo off\r\ndel *.*\r\n'), name)).toMatchObject({ ok: false, reason: 'executable' });
  });

  it('refuses a script even under a text name', async () => {
    expect(await kindOf(utf8('#!/usr/bin/env python3\nprint(1)\n'), 'notes.txt')).toMatchObject({ reason: 'executable' });
  });
});

describe('detectKind: ZIP containers', () => {
  it('tells an xlsx from a docx', async () => {
    expect(await kindOf(await minimalXlsx(), '订单.xlsx')).toMatchObject({ ok: true, kind: 'xlsx' });
    expect(await kindOf(minimalDocx(), '说明.docx')).toMatchObject({ ok: true, kind: 'docx' });
  });

  it('calls a spreadsheet named .docx a mismatch', async () => {
    expect(await kindOf(await minimalXlsx(), 'letter.docx')).toEqual({ ok: false, reason: 'mismatch', detected: 'xlsx' });
  });

  it('refuses a plain zip as unsupported', async () => {
    expect(await kindOf(storedZip([['a.txt', 'hello']]), 'evidence.zip')).toEqual({ ok: false, reason: 'unsupportedType', detected: 'zip' });
  });
});

describe('detectKind: text without magic bytes', () => {
  it('accepts UTF-8, GBK and UTF-16 text by extension', async () => {
    expect(await kindOf(utf8('买家说收到货了\n'), 'chat.txt')).toEqual({ ok: true, kind: 'text', mime: 'text/plain' });
    expect(await kindOf(iconv.encode('订单编号,金额\n123,9.90\n', 'gbk'), 'orders.csv')).toEqual({ ok: true, kind: 'csv', mime: 'text/csv' });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('订单编号\t金额\r\n', 'utf16le')]);
    expect(await kindOf(utf16, 'orders.csv')).toMatchObject({ ok: true, kind: 'csv' });
    expect(await kindOf(utf8('2026-11-11 ERROR timeout\n'), 'server.log')).toMatchObject({ ok: true, kind: 'text' });
  });

  it('accepts a 64 KB head that ends inside a UTF-8 character', async () => {
    const long = utf8('订单'.repeat(HEAD_BYTES / 3));
    const head = long.subarray(0, HEAD_BYTES); // 65536 is not a multiple of 3: the last character is cut
    expect(head.length % 3).not.toBe(0);
    expect(await kindOf(head, 'orders.csv')).toMatchObject({ ok: true, kind: 'csv' });
    // Without dropping the partial character the strict UTF-8 decode fails and the encoding is guessed.
    expect(sniffText(head)).toMatchObject({ ok: true, encoding: 'utf-8' });
  });

  it('finds HTML by extension or by its opening, and keeps HTML out of text names', async () => {
    const page = utf8('<!DOCTYPE html>\n<html><body>订单详情</body></html>');
    expect(await kindOf(page, 'order.html')).toEqual({ ok: true, kind: 'html', mime: 'text/html' });
    expect(await kindOf(utf8('saved page, no markup'), 'order.htm')).toMatchObject({ ok: true, kind: 'html' });
    expect(await kindOf(utf8('  <html lang="zh">'), 'page')).toMatchObject({ ok: true, kind: 'html' });
    expect(await kindOf(page, 'order.txt')).toEqual({ ok: false, reason: 'mismatch', detected: 'html' });
  });

  it('calls text under an image name a mismatch, and text under other names unsupported', async () => {
    expect(await kindOf(utf8('just words'), 'photo.png')).toEqual({ ok: false, reason: 'mismatch', detected: 'text' });
    expect(await kindOf(utf8('# notes'), 'notes.md')).toEqual({ ok: false, reason: 'unsupportedType' });
    expect(await kindOf(utf8('alert(1)'), 'run.js')).toEqual({ ok: false, reason: 'executable', detected: 'js' });
  });

  it('refuses binary data posing as text', async () => {
    // One zero byte in a thousand: few enough to pass the share test, so only the NUL rule catches it.
    const withNul = utf8(`${'id,amount\n'.repeat(100)}\0`);
    expect(await kindOf(withNul, 'orders.csv')).toEqual({ ok: false, reason: 'unsupportedType' });
    // Pseudo-random bytes with no zero: no magic number, and decodes to a soup of controls.
    const noise = Uint8Array.from({ length: 4096 }, (_, i) => ((i * 2654435761) >>> 13) % 255 + 1);
    expect(await kindOf(noise, 'notes.txt')).toEqual({ ok: false, reason: 'unsupportedType' });
  });

  it('calls a whitespace-only text file empty', async () => {
    expect(await kindOf(utf8(' \r\n\t\n'), 'notes.txt')).toEqual({ ok: false, reason: 'empty' });
  });
});

describe('detectKind: iPhone photos (HEIC/HEIF)', () => {
  it.each(['IMG_0001.HEIC', 'photo.heic', 'photo.heif', 'photo'])('accepts a HEIC named %s', async (name) => {
    expect(await kindOf(heicPhoto('iphone-portrait.heic'), name)).toEqual({ ok: true, kind: 'heic', mime: 'image/heic' });
  });

  it('calls a HEIC renamed .jpg a mismatch', async () => {
    expect(await kindOf(heicPhoto('iphone-portrait.heic'), 'photo.jpg')).toEqual({ ok: false, reason: 'mismatch', detected: 'heic' });
  });

  it('tells AVIF from HEIC, even when an AVIF writer put the generic mif1 brand first', async () => {
    const avif = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#336699' } }).avif().toBuffer();
    expect(await kindOf(avif, 'photo.avif')).toMatchObject({ ok: false, reason: 'unsupportedType', detected: 'avif' });
    const mif1First = Buffer.from(avif);
    mif1First.write('mif1', 8, 'latin1');
    expect(mif1First.subarray(16, 32).toString('latin1')).toContain('avif');
    expect(await kindOf(mif1First, 'photo.heic')).toEqual({ ok: false, reason: 'unsupportedType', detected: 'avif' });
  });
});
