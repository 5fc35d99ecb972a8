import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { looksLikeFormula } from './formula-cell';
import { parseOrderFile, type ParsedOrderFile, type ParseOrderFileOptions } from './import-orders';
import { splitCsv } from './split-csv';

const HEADER = '订单号,商品,实付金额,下单时间';
const csv = (...lines: string[]) => Buffer.from([HEADER, ...lines].join('\r\n') + '\r\n');

async function parse(bytes: Uint8Array, options: ParseOrderFileOptions = {}): Promise<ParsedOrderFile> {
  const result = await parseOrderFile(bytes, 'orders.csv', options);
  if (!result.ok) throw new Error(result.error);
  return result;
}

describe('splitCsv', () => {
  it('gives each record the line it starts on, counting CRLF and quoted line breaks once', () => {
    const records = splitCsv('a,b\r\n1,"x\r\ny"\r\n\r\n2,z', ',');
    expect(records.map((r) => [r.line, r.fields])).toEqual([[1, ['a', 'b']], [2, ['1', 'x\r\ny']], [4, ['']], [5, ['2', 'z']]]);
  });

  it("keeps Taobao's =\"…\" and doubled quotes as text", () => {
    expect(splitCsv('="123",a""b,"c""d"', ',')[0]?.fields).toEqual(['="123"', 'a""b', 'c"d']);
  });
});

describe('rows that do not have the header shape', () => {
  it('holds back a row with an unquoted comma in the title, with its line and raw text, and moves nothing', async () => {
    const result = await parse(csv('1000001,T恤,59.00,2026-11-11 10:00:00', '1000002,保温杯, 500ml,89.00,2026-11-11 11:00:00', '1000003,袜子,9.90,2026-11-11 12:00:00'));
    expect(result.orders.map((o) => o.orderNo)).toEqual(['1000001', '1000003']);
    expect(result.brokenRows).toEqual([
      { rowNumber: 3, line: 3, raw: '1000002,保温杯, 500ml,89.00,2026-11-11 11:00:00', problem: 'tooManyFields', fieldCount: 5, expected: 4, corrected: false },
    ]);
    expect(result.rowErrors).toEqual([{ rowNumber: 3, line: 3, code: 'tooManyFields' }]);
  });

  it('holds back a row with too few fields, numbered by its line after a quoted multi-line title that is fine', async () => {
    const result = await parse(csv('1000001,"保温杯\r\n500ml",89.00,2026-11-11 11:00:00', '1000002,T恤', '1000003,袜子,9.90,2026-11-11 12:00:00'));
    expect(result.orders.map((o) => [o.orderNo, o.itemTitle])).toEqual([['1000001', '保温杯 500ml'], ['1000003', '袜子']]);
    expect(result.brokenRows).toMatchObject([{ rowNumber: 3, line: 4, raw: '1000002,T恤', problem: 'tooFewFields', fieldCount: 2 }]);
  });

  it('accepts a trailing delimiter on every line, or on every data line, and Excel padding to a nameless column', async () => {
    const everyLine = Buffer.from(`${HEADER},\n1000001,T恤,59.00,2026-11-11 10:00:00,\n1000002,袜子,9.90,2026-11-11 12:00:00,\n`);
    const dataLines = Buffer.from(`${HEADER}\n1000001,T恤,59.00,2026-11-11 10:00:00,\n1000002,袜子,9.90,2026-11-11 12:00:00,\n`);
    const padded = Buffer.from(`${HEADER},,\n1000001,T恤,59.00,2026-11-11 10:00:00,,\n1000002,袜子,9.90,2026-11-11 12:00:00\n`);
    for (const bytes of [everyLine, dataLines, padded]) {
      const result = await parse(bytes);
      expect(result.brokenRows).toEqual([]);
      expect(result.orders).toHaveLength(2);
    }
  });

  it('still holds back a shifted row in a trailing-delimiter export, even when the cell pushed out is empty', async () => {
    const result = await parse(Buffer.from(`${HEADER},备注\n1000001,T恤,59.00,2026-11-11 10:00:00,,\n1000002,保温杯, 500ml,89.00,2026-11-11 11:00:00,,\n1000003,袜子,9.90,2026-11-11 12:00:00,,\n`));
    expect(result.brokenRows.map((row) => [row.line, row.problem])).toEqual([[3, 'tooManyFields']]);
  });

  it('holds back a value under a nameless column', async () => {
    const result = await parse(Buffer.from(`${HEADER},\n1000001,T恤,59.00,2026-11-11 10:00:00,见备注\n1000002,袜子,9.90,2026-11-11 12:00:00,\n`));
    expect(result.brokenRows.map((row) => [row.line, row.problem])).toEqual([[2, 'valueBeyondHeader']]);
  });

  it('holds back an unclosed quote and a stray quote, and reads the lines after them', async () => {
    const result = await parse(csv('1000001,"T恤,59.00,2026-11-11 10:00:00', '1000002,"袜子"x,9.90,2026-11-11 12:00:00', '1000003,帽子,19.90,2026-11-11 13:00:00'));
    expect(result.brokenRows.map((row) => [row.line, row.problem])).toEqual([[2, 'unclosedQuote'], [3, 'strayQuote']]);
    expect(result.orders.map((o) => o.orderNo)).toEqual(['1000003']);
  });

  it('imports a corrected line read with the file delimiter, and leaves out a skipped one', async () => {
    const bytes = csv('1000001,保温杯, 500ml,89.00,2026-11-11 11:00:00', '1000002,T恤', '1000003,袜子,9.90,2026-11-11 12:00:00');
    const fixes = { corrections: [{ line: 2, text: '1000001,"保温杯, 500ml",89.00,2026-11-11 11:00:00' }], skips: [3] };
    const result = await parse(bytes, { fixes });
    expect(result.brokenRows).toEqual([]);
    expect(result.skippedLines).toEqual([3]);
    expect(result.orders.find((o) => o.orderNo === '1000001')).toMatchObject({ itemTitle: '保温杯, 500ml', amountCents: 8900 });
    expect(result.orders.map((o) => o.orderNo)).toEqual(['1000001', '1000003']);
  });

  it('keeps a correction that is still broken held back, marked as corrected', async () => {
    const bytes = csv('1000001,保温杯, 500ml,89.00,2026-11-11 11:00:00');
    for (const text of ['1000001,保温杯, 500ml,89.00,2026-11-11', '1000001,a,1,2\n1000002,b,1,2']) {
      const result = await parse(bytes, { fixes: { corrections: [{ line: 2, text }], skips: [] } });
      expect(result.brokenRows).toMatchObject([{ line: 2, raw: text, corrected: true }]);
      expect(result.orders).toEqual([]);
    }
  });

  it('holds back an XLSX cell right of the header', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('订单');
    sheet.addRow(['订单号', '商品']);
    sheet.addRow(['1000001', 'T恤']);
    sheet.addRow(['1000002', '袜子', '多出来的']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const result = await parse(bytes);
    expect(result.orders.map((o) => o.orderNo)).toEqual(['1000001']);
    expect(result.brokenRows).toEqual([{ rowNumber: 3, line: 3, raw: '1000002\t袜子\t多出来的', problem: 'valueBeyondHeader', fieldCount: 3, expected: 2, corrected: false }]);
    const fixed = await parse(bytes, { fixes: { corrections: [{ line: 3, text: '1000002\t袜子' }], skips: [] } });
    expect(fixed.orders.map((o) => o.orderNo)).toEqual(['1000001', '1000002']);
  });

  it('reports an XLSX formula saved without its result instead of reading it as empty', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('订单');
    sheet.addRow(['订单号', '实付金额']);
    sheet.addRow(['1000001', { formula: 'B3*2' }]);
    const result = await parse(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(result.orders).toEqual([{ orderNo: '1000001' }]);
    expect(result.rowErrors).toEqual([{ rowNumber: 2, column: '实付金额', code: 'formulaWithoutValue' }]);
  });
});

describe('the preview follows the mapping', () => {
  it('counts problems for the mapping that will be imported', async () => {
    const bytes = csv('1000001,T恤,59.00,2026-11-11 10:00:00', '1000002,袜子,abc,2026-11-11 12:00:00');
    const suggested = await parse(bytes);
    expect(suggested.rowErrors).toEqual([{ rowNumber: 3, column: '实付金额', code: 'amountInvalid' }]);
    const withoutAmount = await parse(bytes, { mapping: { ...suggested.mapping, amountCents: null } });
    expect(withoutAmount.rowErrors).toEqual([]);
    expect(withoutAmount.preview.columns).not.toContain('amountCents');
  });
});

describe('cells that look like formulas', () => {
  it('are noted and stored as text; Taobao wrappers, negative amounts and phones are not', async () => {
    const result = await parse(csv('1000001,=HYPERLINK("x"),-12.50,2026-11-11 10:00:00', '="1000002",@小王的店,+12.00,2026-11-11 12:00:00'));
    expect(result.notes).toEqual([
      { rowNumber: 2, column: '商品', code: 'looksLikeFormula' },
      { rowNumber: 3, column: '商品', code: 'looksLikeFormula' },
    ]);
    expect(result.orders[0]).toMatchObject({ itemTitle: '=HYPERLINK("x")', amountCents: -1250 });
    expect(result.preview.rows[0]?.cells.itemTitle).toEqual({ text: '=HYPERLINK("x")', formula: true });
    expect(['-', '--', '+86 138 1234 5678', '="2741234567890123456"', '-1,299.00', '夏季'].some(looksLikeFormula)).toBe(false);
    expect(['=1+1', '+A1', '-连衣裙', '@SUM(A1)'].every(looksLikeFormula)).toBe(true);
  });
});
