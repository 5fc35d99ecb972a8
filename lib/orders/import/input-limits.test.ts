import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { CUT_MARK } from '@/lib/text/cut-text';
import { buildZip } from '@/lib/zip/test-zip';
import { parseOrderFile } from './import-orders';
import { importPreview } from './preview-response';
import { MAX_CELL_CHARS, MAX_HEADER_CHARS, MAX_ROW_CHARS, PREVIEW_CELL_CHARS, PREVIEW_ROW_CHARS } from './text-limits';

async function workbook(rows: unknown[][]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('订单');
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe('workbooks that unpack to far more than they weigh', () => {
  it('refuses a workbook whose sheet inflates 1000:1 before exceljs unpacks it', async () => {
    // 5 MB of one letter in one cell: the file is a few KB.
    const bytes = await workbook([['订单号', '商品'], ['1000001', 'A'.repeat(5 * 1024 * 1024)]]);
    expect(bytes.length).toBeLessThan(64 * 1024);
    expect(await parseOrderFile(bytes, 'orders.xlsx')).toEqual({ ok: false, error: 'workbookTooLarge' });
  });

  it('refuses a workbook whose sheet inflates past the size it declares', async () => {
    const bytes = buildZip([{ name: 'xl/worksheets/sheet1.xml', data: new Uint8Array(8 * 1024 * 1024).fill(0x20), declaredSize: 4096 }]);
    expect(await parseOrderFile(bytes, 'orders.xlsx')).toEqual({ ok: false, error: 'workbookTooLarge' });
  });

  it('still reads an ordinary workbook, and calls a damaged one unreadable', async () => {
    const bytes = await workbook([['订单号', '商品'], ['1000001', 'T恤']]);
    expect(await parseOrderFile(bytes, 'orders.xlsx')).toMatchObject({ ok: true, orders: [{ orderNo: '1000001', itemTitle: 'T恤' }] });
    expect(await parseOrderFile(bytes.subarray(0, bytes.length - 40), 'orders.xlsx')).toEqual({ ok: false, error: 'unreadableWorkbook' });
  });
});

const HEADER = '订单号,商品,实付金额,备注';
const csv = (...lines: string[]) => Buffer.from([HEADER, ...lines].join('\r\n') + '\r\n');

async function parse(bytes: Uint8Array) {
  const result = await parseOrderFile(bytes, 'orders.csv');
  if (!result.ok) throw new Error(result.error);
  return result;
}

describe('cells and rows too long to be order data', () => {
  it('reports a mapped cell over 2,000 characters with its row and column, and stores nothing cut short', async () => {
    const result = await parse(csv(`1000001,${'连衣裙'.repeat(700)},59.00,`, `1000002,${'袜'.repeat(MAX_CELL_CHARS)},9.90,`));
    expect(result.rowErrors).toEqual([{ rowNumber: 2, column: '商品', code: 'cellTooLong' }]);
    expect(result.orders).toEqual([
      { orderNo: '1000001', amountCents: 5900 },
      { orderNo: '1000002', itemTitle: '袜'.repeat(MAX_CELL_CHARS), amountCents: 990 },
    ]);
  });

  it('leaves out a row whose order number cell is too long, saying so', async () => {
    const result = await parse(csv(`${'1'.repeat(3000)},T恤,59.00,`, '1000002,袜子,9.90,'));
    expect(result.rowErrors).toEqual([{ rowNumber: 2, column: '订单号', code: 'cellTooLong' }]);
    expect(result.orders.map((o) => o.orderNo)).toEqual(['1000002']);
  });

  it('does the same for a workbook cell', async () => {
    const bytes = await workbook([['订单号', '商品'], ['1000001', '大衣'.repeat(1500)]]);
    const result = await parse(bytes);
    expect(result.rowErrors).toEqual([{ rowNumber: 2, column: '商品', code: 'cellTooLong' }]);
    expect(result.orders).toEqual([{ orderNo: '1000001' }]);
  });

  it('does not mind a long cell in a column that is not imported', async () => {
    const result = await parse(csv(`1000001,T恤,59.00,${'备注'.repeat(2000)}`));
    expect(result.mapping).toMatchObject({ orderNo: 0, itemTitle: 1, amountCents: 2 });
    expect(result.rowErrors).toEqual([]);
    expect(result.orders).toEqual([{ orderNo: '1000001', itemTitle: 'T恤', amountCents: 5900 }]);
  });

  it('holds back a row over 50,000 characters whatever its columns, and reads the next ones', async () => {
    const result = await parse(csv(`1000001,T恤,59.00,${'x'.repeat(MAX_ROW_CHARS)}`, '1000002,袜子,9.90,'));
    expect(result.brokenRows).toMatchObject([{ line: 2, problem: 'rowTooLong' }]);
    expect(result.rowErrors).toEqual([{ rowNumber: 2, line: 2, code: 'rowTooLong' }]);
    expect(result.orders.map((o) => o.orderNo)).toEqual(['1000002']);
  });
});

describe('the preview sends bounded text', () => {
  const MB = 1024 * 1024;

  it('answers a file with a 1 MB cell in a few kilobytes, counts whole', async () => {
    const giant = '长'.repeat(MB);
    const result = await parse(csv(`1000001,${giant},59.00,`, '1000002,袜子,9.90,'));
    const preview = importPreview(result);
    const size = Buffer.byteLength(JSON.stringify(preview));
    expect(size).toBeLessThan(32 * 1024);
    expect(preview.brokenRows[0]?.raw).toHaveLength(PREVIEW_ROW_CHARS);
    expect(preview.brokenRows[0]?.raw.endsWith(CUT_MARK)).toBe(true);
    expect(preview.rowErrorCount).toBe(1);
  });

  it('cuts an unreadable cell shown in the preview table, and a giant header', async () => {
    const bytes = Buffer.from(`订单号,商品,${'表头'.repeat(MB / 2)}\r\n1000001,${'长'.repeat(40_000)},\r\n`);
    const result = await parse(bytes);
    const preview = importPreview(result);
    expect(preview.table.rows[0]?.cells.itemTitle).toMatchObject({ error: 'cellTooLong' });
    expect(preview.table.rows[0]?.cells.itemTitle?.text).toHaveLength(PREVIEW_CELL_CHARS);
    expect(preview.headers[2]).toHaveLength(MAX_HEADER_CHARS);
    expect(Buffer.byteLength(JSON.stringify(preview))).toBeLessThan(8 * 1024);
  });

  it('sends at most 100 held-back rows and 200 row errors, with their full counts', async () => {
    const lines = Array.from({ length: 300 }, (_, i) => `${1000001 + i},T恤,abc,`);
    const preview = importPreview(await parse(csv(...lines, ...lines.map((line) => `${line},extra`))));
    expect(preview.rowErrors).toHaveLength(200);
    expect(preview.brokenRows).toHaveLength(100);
    expect(preview.brokenRowCount).toBe(300);
    expect(preview.rowErrorCount).toBe(600);
  });
});
