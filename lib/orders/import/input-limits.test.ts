import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildZip } from '@/lib/zip/test-zip';
import { parseOrderFile } from './import-orders';

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
