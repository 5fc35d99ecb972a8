import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { hasTool } from '@/lib/testing/has-tool';
import { embedChineseFonts } from './fonts';

const TEXT = '申诉证据包 天猫 双十一订单 第 1 页 / 共 1 页';

async function sample() {
  const doc = await PDFDocument.create();
  const { regular, bold } = await embedChineseFonts(doc, TEXT);
  const page = doc.addPage([595, 842]);
  page.drawText('申诉证据包', { x: 50, y: 780, size: 24, font: bold });
  page.drawText('天猫 双十一订单 第 1 页 / 共 1 页', { x: 50, y: 740, size: 12, font: regular });
  return doc.save();
}

describe('embedChineseFonts', () => {
  it('keeps a Chinese document small: only the glyphs it uses are embedded', async () => {
    const bytes = await sample();
    expect(bytes.length).toBeLessThan(120_000);
  }, 30_000);

  it.runIf(hasTool('pdftotext'))('produces text that extracts back as written', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'fonts-'));
    try {
      const file = path.join(dir, 'sample.pdf');
      writeFileSync(file, await sample());
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
      expect(text).toContain('申诉证据包');
      expect(text).toContain('第 1 页 / 共 1 页');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
