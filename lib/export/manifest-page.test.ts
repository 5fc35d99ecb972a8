import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_MESSAGES } from '@/lib/i18n/document-messages';
import { embedChineseFonts } from '@/lib/pdf/fonts';
import { Typesetter } from '@/lib/pdf/layout';
import { pdfText } from '@/lib/testing/pdf-read';
import { drawManifest, monoFont, sizeParts, typeName, type ManifestLine } from './manifest-page';
import type { Exhibit } from './collect';

type Typed = Pick<Exhibit, 'kind' | 'mime' | 'category'>;

const types = (language: 'zh-CN' | 'en') => (key: string) => (DOCUMENT_MESSAGES[language].bundle.appendix.types as Record<string, string>)[key] ?? `?${key}`;

describe('typeName', () => {
  it('names each kind for a reader, in both languages', () => {
    const xlsx: Typed = { kind: 'xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', category: 'invoice' };
    expect(typeName(xlsx, types('zh-CN'))).toBe('Excel 表格');
    expect(typeName(xlsx, types('en'))).toBe('Excel workbook');
    expect(typeName({ kind: 'jpeg', mime: 'image/jpeg', category: 'logistics' } satisfies Typed, types('zh-CN'))).toBe('JPEG 照片');
  });

  it('calls a text file filed as a chat log a chat log, and any other text file text', () => {
    expect(typeName({ kind: 'text', mime: 'text/plain', category: 'chat' } satisfies Typed, types('zh-CN'))).toBe('聊天记录');
    expect(typeName({ kind: 'text', mime: 'text/plain', category: 'other' } satisfies Typed, types('zh-CN'))).toBe('文本');
  });

  it('keeps the MIME type of a kind it does not know rather than guess', () => {
    expect(typeName({ kind: 'avif', mime: 'image/avif', category: 'other' } satisfies Typed, types('zh-CN'))).toBe('image/avif');
  });

  it('has a name for every kind the app accepts', async () => {
    const { KINDS } = await import('@/lib/evidence/inspect/file-kind');
    for (const kind of Object.keys(KINDS)) for (const language of ['zh-CN', 'en'] as const) expect(types(language)(kind)).not.toMatch(/^\?/);
  });
});

describe('sizeParts', () => {
  it('splits a size into a number and its unit', () => {
    expect(sizeParts(355)).toEqual(['355', 'B']);
    expect(sizeParts(2150)).toEqual(['2.1', 'KB']);
    expect(sizeParts(5 * 1024 * 1024)).toEqual(['5.0', 'MB']);
  });
});

describe('drawManifest', () => {
  it('repeats the header on every page and never splits a record, its hash whole on one line', async () => {
    const labels = { exhibitId: '编号', titleAndName: '标题 / 原始文件名', type: '类型', size: '大小', uploadedAt: '上传时间', sha256: 'SHA-256' };
    const lines: ManifestLine[] = Array.from({ length: 40 }, (_, i) => ({
      exhibitId: `E-${String(i + 1).padStart(3, '0')}`,
      title: i % 3 === 0 ? '顺丰速运寄件底单与签收记录截图（含快递员手写签名和收件人身份证后四位核对页）第二批补充材料' : `快递底单 ${i + 1}`,
      originalName: `IMG_${2000 + i}.jpg`,
      type: 'JPEG 照片',
      size: sizeParts(1000 * (i + 1) ** 3),
      uploadedAt: '2026-11-10 09:12',
      sha256: createHash('sha256').update(String(i)).digest('hex'),
      ...(i === 5 ? { note: '原件未附（含拍摄位置，商家选择不提供）' } : {}),
    }));
    const doc = await PDFDocument.create();
    const fonts = await embedChineseFonts(doc, JSON.stringify({ labels, lines }));
    const ts = new Typesetter(doc, fonts);
    ts.newPage();
    drawManifest(ts, monoFont(doc), labels, lines);
    const pdf = Buffer.from(await doc.save());
    if (process.env.KEEP_MANIFEST) writeFileSync(process.env.KEEP_MANIFEST, pdf);
    const pages = (await pdfText(pdf)).split('\f').filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(page).toContain('标题 / 原始文件名');
    for (const line of lines) {
      const page = pages.find((p) => p.includes(line.exhibitId));
      expect(page, line.exhibitId).toMatch(new RegExp(`SHA-256\\s+${line.sha256}`));
    }
    expect(pages.join('')).toContain('原件未附（含拍摄位置，商家选择不提供）');
    expect(ts.missing.size).toBe(0);
  }, 30_000);
});
