import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { columnGroups, tableFontSize } from './render-sheets';
import { readSheets } from './sheet';
import { UnreadableExhibit } from './unreadable';

async function workbookBytes(build: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function reasonOf(read: Promise<unknown>): Promise<string> {
  try {
    await read;
    return 'none';
  } catch (error) {
    if (error instanceof UnreadableExhibit) return error.reason;
    throw error;
  }
}

describe('readSheets: CSV', () => {
  it('shows ="…" order numbers and tab-padded cells as their values, from GBK', async () => {
    const csv = '订单编号,买家会员名,买家实际支付金额,订单状态\r\n="3721884019234567890",\ttb_小明\t,128.00,交易成功\r\n"=""3721884019234567891""",阿花,"1,299.00",卖家已发货\r\n\r\n';
    const [sheet, ...rest] = await readSheets(iconv.encode(csv, 'gbk'), 'csv');
    expect(rest).toHaveLength(0);
    expect(sheet).toEqual({
      name: '',
      omittedRows: 0,
      rows: [
        ['订单编号', '买家会员名', '买家实际支付金额', '订单状态'],
        ['3721884019234567890', 'tb_小明', '128.00', '交易成功'],
        ['3721884019234567891', '阿花', '1,299.00', '卖家已发货'],
      ],
    });
  });

  it('finds tab and semicolon delimiters, and pads short rows to the widest', async () => {
    const [tabbed] = await readSheets(Buffer.from('order-id\tsku\tqty\n111-222\tA1\n', 'utf8'), 'csv');
    expect(tabbed?.rows).toEqual([
      ['order-id', 'sku', 'qty'],
      ['111-222', 'A1', ''],
    ]);
    const [semi] = await readSheets(Buffer.from('单号;金额\n1;2,50\n', 'utf8'), 'csv');
    expect(semi?.rows).toEqual([
      ['单号', '金额'],
      ['1', '2,50'],
    ]);
  });

  it('keeps HTML inside cells as written', async () => {
    const [sheet] = await readSheets(Buffer.from('商品,详情\n裙子,"<p>夏季<br>新款</p><div>a</div>"\n', 'utf8'), 'csv');
    expect(sheet?.rows[1]).toEqual(['裙子', '<p>夏季<br>新款</p><div>a</div>']);
  });

  it('caps long sheets and counts the rows left out', async () => {
    const csv = ['n', ...Array.from({ length: 5200 }, (_, i) => String(i))].join('\n');
    const [sheet] = await readSheets(Buffer.from(csv, 'utf8'), 'csv');
    expect(sheet?.rows).toHaveLength(5000);
    expect(sheet?.rows.at(-1)).toEqual(['4998']);
    expect(sheet?.omittedRows).toBe(201);
  });

  it('counts the rows of a very long CSV exactly without keeping them: blank rows inside count, blank rows at either end do not', async () => {
    const body = Array.from({ length: 20_000 }, (_, i) => (i % 4000 === 1999 ? ',' : `${i},x`));
    const csv = [',', ',', 'n,v', ...body, ',', ',', ','].join('\n');
    const [sheet] = await readSheets(Buffer.from(csv, 'utf8'), 'csv');
    expect(sheet?.rows).toHaveLength(5000);
    expect(sheet?.rows[0]).toEqual(['n', 'v']);
    // The header and 20,000 rows (five of them blank, inside the table) after the two blank ones on top.
    expect(sheet?.omittedRows).toBe(20_001 - 5000);
  });

  it('rejects an empty file', async () => {
    expect(await reasonOf(readSheets(Buffer.from(',,\n,,\n', 'utf8'), 'csv'))).toBe('empty');
  });
});

describe('readSheets: XLSX', () => {
  it('reads every worksheet as displayed text', async () => {
    const bytes = await workbookBytes((workbook) => {
      const orders = workbook.addWorksheet('订单');
      orders.addRow(['订单号', '下单时间', '金额', '折扣', '备注', '合计', '']);
      const row = orders.addRow(['3721884019234567890', new Date(Date.UTC(2024, 2, 1, 10, 23, 0)), 1299.5, 0.125, { richText: [{ text: '顺丰' }, { text: '包邮', font: { bold: true } }] }, { formula: 'C2*2', result: 2599 }]);
      row.getCell(3).numFmt = '#,##0.00';
      row.getCell(4).numFmt = '0.0%';
      orders.addRow([]);
      orders.addRow(['3721884019234567891', new Date(Date.UTC(2024, 2, 2)), 0.1 + 0.2, null, '', '']);
      orders.addRow([]);
      const notes = workbook.addWorksheet('说明');
      notes.addRow(['导出自 拼多多 商家后台']);
      notes.mergeCells('A3:B3');
      notes.getCell('A3').value = '合并单元格';
      workbook.addWorksheet('空白');
    });
    expect(await readSheets(bytes, 'xlsx')).toEqual([
      {
        name: '订单',
        omittedRows: 0,
        rows: [
          ['订单号', '下单时间', '金额', '折扣', '备注', '合计'],
          ['3721884019234567890', '2024-03-01 10:23', '1,299.50', '12.5%', '顺丰包邮', '2599'],
          ['', '', '', '', '', ''],
          ['3721884019234567891', '2024-03-02', '0.3', '', '', ''],
        ],
      },
      // B3 is merged into A3, so its text shows once and column B stays empty and is dropped.
      { name: '说明', omittedRows: 0, rows: [['导出自 拼多多 商家后台'], [''], ['合并单元格']] },
    ]);
  });

  it('caps a long sheet, counting only the rows past the cap that hold something', async () => {
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet('流水');
      for (let r = 1; r <= 5003; r++) sheet.getCell(r, 1).value = `行${r}`;
      sheet.getCell(9000, 2).value = '末尾';
      // Formatting far below the data is not content.
      sheet.getCell(20000, 1).numFmt = '0.00';
    });
    const [sheet] = await readSheets(bytes, 'xlsx');
    expect(sheet?.rows).toHaveLength(5000);
    expect(sheet?.rows.at(-1)).toEqual(['行5000']);
    expect(sheet?.omittedRows).toBe(4);
  });

  it('calls a broken workbook corrupt, and an old .xls unsupported', async () => {
    const good = await workbookBytes((workbook) => workbook.addWorksheet('a').addRow(['x']));
    expect(await reasonOf(readSheets(good.subarray(0, good.length / 2), 'xlsx'))).toBe('corrupt');
    expect(await reasonOf(readSheets(Buffer.from('not a workbook at all'), 'xlsx'))).toBe('corrupt');
    const ole2 = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    expect(await reasonOf(readSheets(ole2, 'xlsx'))).toBe('unsupported');
    const encrypted = Buffer.concat([ole2, Buffer.from('EncryptedPackage', 'utf16le')]);
    expect(await reasonOf(readSheets(encrypted, 'xlsx'))).toBe('encrypted');
  });

  it('refuses a workbook that unpacks to far more than it weighs, before exceljs opens it', async () => {
    const bomb = await workbookBytes((workbook) => workbook.addWorksheet('a').addRow(['A'.repeat(5 * 1024 * 1024)]));
    expect(await reasonOf(readSheets(bomb, 'xlsx'))).toBe('tooLarge');
  });
});

describe('sheet layout rules', () => {
  it('shrinks the font with the column count', () => {
    expect([1, 6, 7, 9, 11, 12, 30].map(tableFontSize)).toEqual([8.5, 8.5, 8, 7.5, 6.5, 6, 6]);
  });

  it('splits more than 16 columns into groups that each repeat the first', () => {
    expect(columnGroups(16)).toEqual([Array.from({ length: 16 }, (_, i) => i)]);
    const groups = columnGroups(40);
    // 39 columns after the first, shared evenly over four groups.
    expect(groups.map((g) => g.length)).toEqual([11, 11, 11, 10]);
    expect(groups.every((g) => g[0] === 0)).toBe(true);
    expect(groups.flatMap((g) => g.slice(1))).toEqual(Array.from({ length: 39 }, (_, i) => i + 1));
  });
});
