import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { createTranslator } from 'use-intl/core';
import { afterAll, describe, expect, it } from 'vitest';
import { chartFixture } from '@/lib/charts/fixture';
import type { Translate } from '@/lib/charts/words';
import { DOCUMENT_MESSAGES } from '@/lib/i18n/document-messages';
import { embedChineseFonts } from '@/lib/pdf/fonts';
import { Typesetter } from '@/lib/pdf/layout';
import { pdfText } from '@/lib/testing/pdf-read';
import { PdfAuditCharts } from './charts-pdf';

const dir = mkdtempSync(path.join(tmpdir(), 'charts-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function render(language: 'zh-CN' | 'en') {
  const { charts } = chartFixture();
  const messages = DOCUMENT_MESSAGES[language];
  const t = createTranslator({ locale: language, messages: messages as unknown as Record<string, never>, namespace: 'charts' as never }) as unknown as Translate;
  const doc = await PDFDocument.create();
  const fonts = await embedChineseFonts(doc, JSON.stringify(messages.charts) + JSON.stringify(charts));
  const ts = new Typesetter(doc, fonts);
  ts.newPage();
  const pdf = new PdfAuditCharts(ts, charts, t);
  pdf.before('signedBeforeShipped');
  const yUntouched = ts.y;
  pdf.before('burstHour');
  pdf.before('burstDay');
  pdf.before('amountOutlier');
  return { doc, bytes: await doc.save(), missing: [...ts.missing], yUntouched, top: doc.getPage(0).getHeight() - 60 };
}

// Subsetting two CJK fonts takes seconds on a loaded machine.
const SLOW = 60_000;

describe('the audit charts in the PDF', () => {
  it('draws vectors and text, never an image', async () => {
    const { doc, missing, yUntouched, top } = await render('zh-CN');
    expect(missing).toEqual([]);
    // A rule without a picture draws nothing.
    expect(yUntouched).toBe(top);
    for (const page of doc.getPages()) {
      const xobjects = page.node.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict);
      expect(xobjects?.keys() ?? []).toEqual([]);
    }
    const ops = doc.getPages().map((p) => p.node.normalizedEntries().Contents?.toString() ?? '').join('');
    expect(ops.length).toBeGreaterThan(0);
  }, SLOW);

  it('prints the titles, legend and the explained and unexplained bursts (pdftotext)', async () => {
    const file = path.join(dir, 'zh.pdf');
    writeFileSync(file, (await render('zh-CN')).bytes);
    const text = await pdfText(file);
    const flat = text.replace(/\s+/g, '');
    for (const words of ['订单时间分布', '每日订单数', '促销活动', '被处罚订单', '其他订单', '订单激增（无促销）', '订单激增（促销期间）', '店庆', '单价分布：蓝牙耳机', '价格异常订单', '中位数¥199.00']) expect(flat).toContain(words);
    expect(flat).toContain('2026-03-07全天40笔，在申报的促销期间');
    expect(flat).toContain('2026-03-12全天40笔，不在任何申报的促销期间');
    // Axis ticks are text too: the first day and a price.
    expect(text).toMatch(/03-02/);
    expect(text).toMatch(/¥\d/);
    if (process.env.CHARTS_PNG) execFileSync('pdftoppm', ['-png', '-r', '110', file, path.join(process.env.CHARTS_PNG, 'charts-zh')]);
  }, SLOW);

  it('speaks English when the bundle does', async () => {
    const file = path.join(dir, 'en.pdf');
    writeFileSync(file, (await render('en')).bytes);
    const text = await pdfText(file);
    expect(text).toContain('Orders over time');
    expect(text).toContain('Penalised orders');
    expect(text).toContain('Unit prices: 蓝牙耳机');
    if (process.env.CHARTS_PNG) execFileSync('pdftoppm', ['-png', '-r', '110', file, path.join(process.env.CHARTS_PNG, 'charts-en')]);
  }, SLOW);
});
