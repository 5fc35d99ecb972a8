import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFArray, PDFContentStream, PDFDocument, type PDFFont } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { embedChineseFonts } from '@/lib/pdf/fonts';
import { Typesetter } from '@/lib/pdf/layout';
import { pdfText } from '@/lib/testing/pdf-read';
import { shopSpeakers } from './render-text';
import { renderSheets, sheetCharacters, type Sheet } from './sheet';
import { parseChatLog, renderChat, textCharacters, type ChatMessage } from './text';

/** 2,000 lines: 1,000 "speaker time" headers, each followed by its message. */
function chatLog(): string {
  const lines: string[] = [];
  for (let i = 0; i < 1000; i++) {
    const speaker = i % 2 === 0 ? '买家阿花' : '旗舰店:客服小王';
    const text = i % 2 === 0 ? `第${i}条：请问订单什么时候发货？我已经付款了，麻烦尽快安排，谢谢！` : `亲，您的订单已由顺丰发出，单号 SF${1000000000 + i}，请注意查收。`;
    lines.push(`${speaker} 2024-03-01 ${String(8 + Math.floor(i / 60) % 14).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00`, text);
  }
  return lines.join('\n');
}

function ordersSheet(): Sheet {
  const header = ['订单编号', '下单时间', '买家会员名', '商品标题', '数量', '实付金额', '收货地址', '物流单号'];
  const rows = Array.from({ length: 300 }, (_, i) => [
    `37218840192345${String(i).padStart(5, '0')}`,
    '2024-03-01 10:23',
    `tb_买家${i}`,
    '夏季新款碎花连衣裙 收腰显瘦 法式复古长裙',
    String(1 + (i % 3)),
    `${(99 + i).toFixed(2)}`,
    '浙江省杭州市西湖区文三路 100 号',
    `SF${1000000000 + i}`,
  ]);
  return { name: '订单', rows: [header, ...rows], omittedRows: 12 };
}

/** The decoded content streams of a page: text shows up as <glyph codes> Tj. */
function pageContent(doc: PDFDocument, index: number): string {
  const contents = doc.getPage(index).node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => doc.context.lookup(ref)) : [contents];
  return streams.map((stream) => (stream instanceof PDFContentStream ? Buffer.from(stream.getUnencodedContents()).toString('latin1') : '')).join('');
}

/** The glyph codes of `text` without the closing bracket, so it matches the start of a longer line too. */
const glyphs = (font: PDFFont, text: string) => font.encodeText(text).toString().slice(0, -1);

const LABELS = { sheet: (name: string) => `工作表：${name}`, omitted: (count: number) => `另有 ${count} 行未显示，见原始文件`, cutCells: (count: number) => `${count} 个单元格过长，全文见原始文件` };

describe('rendering text and sheet exhibits', () => {
  it('guesses the shop side from the names, else from who spoke first', () => {
    const messages = (names: string[]): ChatMessage[] => names.map((speaker) => ({ time: '10:00', speaker, text: '在' }));
    expect([...shopSpeakers(messages(['阿花', '旗舰店:小王', '阿花', '官方售后']))]).toEqual(['旗舰店:小王', '官方售后']);
    expect([...shopSpeakers(messages(['阿花', '小王', '阿花', '小李']))]).toEqual(['小王', '小李']);
  });

  it('typesets a 2,000-line chat log and a 300-row sheet across pages', async () => {
    const messages = parseChatLog(chatLog());
    expect(messages).toHaveLength(1000);
    const sheets = [ordersSheet(), { name: '说明', rows: [['导出自 淘宝 千牛']], omittedRows: 0 }];
    const doc = await PDFDocument.create();
    const fonts = await embedChineseFonts(doc, textCharacters(messages ?? []) + sheetCharacters(sheets) + LABELS.sheet('') + LABELS.omitted(0));
    let pages = 0;
    const ts = new Typesetter(doc, fonts, () => pages++);
    ts.newPage();
    renderChat(ts, messages ?? []);
    const chatPages = pages;
    ts.newPage();
    renderSheets(ts, sheets, LABELS);
    // Page 1: the first header (speaker in bold) and the start of the first message.
    expect(pageContent(doc, 0)).toContain(`${glyphs(fonts.bold, '买家阿花')}>`);
    expect(pageContent(doc, 0)).toContain(glyphs(fonts.regular, '第0条：请问订单'));
    expect(pageContent(doc, chatPages - 1)).toContain(glyphs(fonts.regular, '第998条'));
    expect(pageContent(doc, chatPages)).toContain(`${glyphs(fonts.bold, '订单编号')}>`);
    const sheetPages = Array.from({ length: pages - chatPages }, (_, i) => pageContent(doc, chatPages + i)).join('');
    expect(sheetPages).toContain(glyphs(fonts.regular, LABELS.omitted(12)));
    expect(sheetPages).toContain(`${glyphs(fonts.bold, LABELS.sheet('说明'))}>`);
    expect(sheetPages).not.toContain(glyphs(fonts.regular, '第0条'));
    // No cell of these sheets is cut, so no note says so.
    expect(sheetPages).not.toContain(glyphs(fonts.regular, '个单元格过长'));
    const bytes = await doc.save();

    // About 23 messages fit a page; each sheet row takes about two lines of 8 pt type.
    expect(chatPages).toBeGreaterThan(30);
    expect(chatPages).toBeLessThan(70);
    expect(pages - chatPages).toBeGreaterThan(5);
    expect(pages - chatPages).toBeLessThan(30);
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(pages);

    const dir = mkdtempSync(path.join(os.tmpdir(), 'exhibits-'));
    try {
      const file = path.join(dir, 'exhibits.pdf');
      writeFileSync(file, bytes);
      const text = await pdfText(file);
      expect(text).toContain('旗舰店:客服小王');
      expect(text).toContain('第998条');
      expect(text).toContain('37218840192345');
      expect(text).toContain('另有 12 行未显示，见原始文件');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('cuts a cell too long for a page after six lines and says so under the table', async () => {
    const long = '买家要求退差价，客服说明活动规则。'.repeat(12_000);
    const sheets: Sheet[] = [{ name: '', rows: [['订单编号', '备注'], ['1', long], ['2', '正常备注'], ['3', long]], omittedRows: 0 }];
    const doc = await PDFDocument.create();
    const fonts = await embedChineseFonts(doc, sheetCharacters(sheets) + LABELS.cutCells(0));
    let pages = 0;
    const ts = new Typesetter(doc, fonts, () => pages++);
    ts.newPage();
    renderSheets(ts, sheets, LABELS);
    expect(pages).toBe(1);
    const page = pageContent(doc, 0);
    expect(page).toContain(glyphs(fonts.regular, LABELS.cutCells(2)));
    expect(page).toContain(glyphs(fonts.regular, '正常备注'));
  }, 60_000);
});
