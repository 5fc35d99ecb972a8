import { describe, expect, it } from 'vitest';
import { sniffDelimiter } from './read-csv';
import { readTable, type Table } from './read-table';
import { cellText, isRoundedInteger } from './read-xlsx';
import { AMAZON_TSV, buildXlsx, encodeGbk, taobaoCsvText } from './test-fixtures';

async function table(bytes: Uint8Array, name = 'orders.csv'): Promise<Table> {
  const read = await readTable(bytes, name);
  if (!read.ok) throw new Error(read.error);
  return read.table;
}

describe('sniffDelimiter', () => {
  it('picks tabs for an Amazon report and commas for a Taobao export', () => {
    expect(sniffDelimiter(AMAZON_TSV)).toBe('\t');
    expect(sniffDelimiter(taobaoCsvText())).toBe(',');
  });

  it('ignores delimiters inside quoted headers', () => {
    expect(sniffDelimiter('"a\tb\tc",d,e\n1,2,3')).toBe(',');
  });
});

describe('readTable with CSV', () => {
  it('numbers rows as the spreadsheet shows them and drops the blank trailing rows', async () => {
    const { headers, rows, encoding } = await table(encodeGbk(taobaoCsvText()));
    expect(encoding).toBe('gb18030');
    expect(headers[0]).toBe('订单编号');
    expect(rows.map((row) => row.rowNumber)).toEqual([2, 3, 4, 5, 6]);
    expect(rows[0]?.cells[0]).toBe('="2741234567890123456"');
  });

  it('keeps counting rows past a blank line and a cell with a line break', async () => {
    const csv = '订单号,商品\n\n100001,"保温杯\n500ml"\n100002,T恤\n';
    const { rows } = await table(Buffer.from(csv));
    // Spreadsheet rows 3 and 4; in a text editor the second starts on line 5.
    expect(rows).toMatchObject([
      { rowNumber: 3, line: 3, cells: ['100001', '保温杯\n500ml'] },
      { rowNumber: 4, line: 5, cells: ['100002', 'T恤'] },
    ]);
  });

  it('reads a tab-delimited report whatever its extension', async () => {
    const { headers, rows } = await table(Buffer.from(AMAZON_TSV), 'report.txt');
    expect(headers).toHaveLength(17);
    expect(rows[0]?.cells[8]).toBe('Steel Water Bottle, 750 ml');
  });

  it('holds back a line with an unclosed quote and reads on from the next line', async () => {
    const { rows, broken } = await table(Buffer.from('订单号,商品\n100001,T恤\n100002,"保温杯\n100003,袜子\n'));
    expect(rows.map((row) => row.cells[0])).toEqual(['100001', '100003']);
    expect(broken).toEqual([{ rowNumber: 3, line: 3, raw: '100002,"保温杯', problem: 'unclosedQuote', fieldCount: 1, expected: 2, corrected: false }]);
  });
});

describe('readTable with XLSX', () => {
  it('is chosen by content, even when the file is called .csv', async () => {
    const { encoding, headers, rows } = await table(await buildXlsx(), 'export.csv');
    expect(encoding).toBe('xlsx');
    expect(headers).toEqual(['订单编号', '买家昵称', '实付金额', '下单时间', '发货时间', '快递单号', '数量']);
    expect(rows).toHaveLength(3);
  });

  it('reads text cells exactly, dates as wall-clock ISO and numbers without formatting', async () => {
    const { rows } = await table(await buildXlsx());
    expect(rows[0]).toMatchObject({
      rowNumber: 2,
      cells: ['2741234567890123456', '张三', '1299', '2026-11-11T20:05:13', '45607.5', 'SF1234567890123', '2'],
    });
    expect(rows[1]?.cells[2]).toBe('12.99');
  });

  it('flags a number cell Excel has already rounded', async () => {
    const { issues } = await table(await buildXlsx());
    expect(issues).toEqual([{ rowNumber: 4, columnIndex: 0, code: 'numberRounded' }]);
  });

  it('refuses an old binary .xls and a ZIP that is not a workbook', async () => {
    const ole = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(await readTable(ole, 'a.xls')).toEqual({ ok: false, error: 'legacyXls' });
    const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    expect(await readTable(zip, 'a.xlsx')).toEqual({ ok: false, error: 'unreadableWorkbook' });
  });
});

describe('cellText and isRoundedInteger', () => {
  it('reads rich text, formulas, hyperlinks and booleans as their text', () => {
    expect(cellText({ richText: [{ text: '夏季' }, { text: '连衣裙' }] })).toBe('夏季连衣裙');
    expect(cellText({ formula: 'A1*2', result: 42 })).toBe('42');
    expect(cellText({ text: '查看', hyperlink: 'https://example.com' })).toBe('查看');
    expect(cellText(true)).toBe('TRUE');
  });

  it('knows which integers cannot be order numbers any more', () => {
    expect(isRoundedInteger(1234567890123450000)).toBe(true);
    expect(isRoundedInteger(2741234567890123456)).toBe(true);
    expect(isRoundedInteger(123456789012345)).toBe(false);
    expect(isRoundedInteger(1299.5)).toBe(false);
  });
});
