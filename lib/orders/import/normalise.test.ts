import { describe, expect, it } from 'vitest';
import { cleanText, isBlankCell, parseAmountCents, parseDate, parseIp, parseOrderNo, parseQuantity } from './normalise';

const iso = (cell: string) => {
  const parsed = parseDate(cell);
  return parsed.ok ? parsed.value.toISOString() : parsed.code;
};
const cents = (cell: string) => {
  const parsed = parseAmountCents(cell);
  return parsed.ok ? parsed.value : parsed.code;
};

describe('parseOrderNo', () => {
  it.each([
    ['="2741234567890123456"', '2741234567890123456'],
    ["'2741234567890123456", '2741234567890123456'],
    ['\t2741234567890123456\t', '2741234567890123456'],
    ['261111-123456789012345', '261111-123456789012345'],
    ['１１４-３９４１６８９-８７７２２３２', '114-3941689-8772232'],
  ])('reads %j as a string', (cell, expected) => {
    expect(parseOrderNo(cell)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', 'orderNoMissing'],
    ['=""', 'orderNoMissing'],
    ['12#4', 'orderNoInvalid'],
    ['12345', 'orderNoInvalid'],
    ['1'.repeat(33), 'orderNoInvalid'],
    ['2.74123E+18', 'orderNoRounded'],
  ])('rejects %j with %s', (cell, code) => {
    expect(parseOrderNo(cell)).toEqual({ ok: false, code });
  });
});

describe('parseDate', () => {
  it.each([
    ['2026-11-11 20:05:13', '2026-11-11T12:05:13.000Z'],
    ['2026/11/11 20:05', '2026-11-11T12:05:00.000Z'],
    ['2026年11月11日 20时05分', '2026-11-11T12:05:00.000Z'],
    ['2026年11月11日 20时05分13秒', '2026-11-11T12:05:13.000Z'],
    ['2026-11-11T20:05:13', '2026-11-11T12:05:13.000Z'],
    ['2026-11-11T12:05:13Z', '2026-11-11T12:05:13.000Z'],
    ['2026-11-11T12:05:13.250+00:00', '2026-11-11T12:05:13.250Z'],
    ['2026-11-11T04:05:13-08:00', '2026-11-11T12:05:13.000Z'],
    ['2026-11-11', '2026-11-10T16:00:00.000Z'],
    ['2026-1-5 8:05', '2026-01-05T00:05:00.000Z'],
    ['45607', '2024-11-10T16:00:00.000Z'],
    ['45607.5', '2024-11-11T04:00:00.000Z'],
    ['25569', '1969-12-31T16:00:00.000Z'],
  ])('reads %j as China time unless it has an offset', (cell, expected) => {
    expect(iso(cell)).toBe(expected);
  });

  it.each(['2026-13-01', '2026-02-30', '2026-11-11 25:00', 'yesterday', '12', '99999', ''])('rejects %j', (cell) => {
    expect(iso(cell)).toBe('dateInvalid');
  });
});

describe('parseAmountCents', () => {
  it.each([
    ['¥1,299.00', 129900],
    ['￥ 99', 9900],
    ['1299', 129900],
    ['-5.5', -550],
    ['1,299.5元', 129950],
    ['$12.99', 1299],
    // parseFloat would give 1.1499999999999999 * 100 = 114.99999999999999 here.
    ['1.15', 115],
    ['0.29', 29],
    ['12.345', 1235],
    ['="88.80"', 8880],
  ])('reads %j as %i cents', (cell, expected) => {
    expect(cents(cell)).toBe(expected);
  });

  it.each(['abc', '12,99', '1,29,900', '1.2.3', '¥', '--5'])('rejects %j', (cell) => {
    expect(cents(cell)).toBe('amountInvalid');
  });
});

describe('parseQuantity, parseIp, cleanText, isBlankCell', () => {
  it('accepts positive whole counts only', () => {
    expect(parseQuantity('2')).toEqual({ ok: true, value: 2 });
    expect(parseQuantity('3件')).toEqual({ ok: true, value: 3 });
    expect(parseQuantity('2.0')).toEqual({ ok: true, value: 2 });
    for (const bad of ['0', '-1', '1.5', 'two']) expect(parseQuantity(bad)).toEqual({ ok: false, code: 'quantityInvalid' });
  });

  it('accepts IPv4, IPv6 and platform-masked IPv4', () => {
    for (const ip of ['115.236.1.20', '2408:8207:1850::1', '115.236.*.*']) expect(parseIp(` ${ip} `)).toEqual({ ok: true, value: ip });
    for (const bad of ['999.1.1.1', '1.2.3', 'localhost']) expect(parseIp(bad)).toEqual({ ok: false, code: 'ipInvalid' });
  });

  it('turns control characters and line breaks into single spaces', () => {
    expect(cleanText('  保温杯\r\n500ml\t\u0007白色 ')).toBe('保温杯 500ml 白色');
  });

  it('treats platform placeholders as empty', () => {
    for (const cell of ['', ' ', '-', 'null', '=""', '无']) expect(isBlankCell(cell)).toBe(true);
    expect(isBlankCell('0')).toBe(false);
  });
});
