import { isIP } from 'node:net';

export type NormaliseErrorCode =
  | 'orderNoMissing'
  | 'orderNoInvalid'
  /** Written in exponent form (2.74123E+18) or with zeros past Excel's 15 digits: digits are lost. */
  | 'orderNoRounded'
  | 'dateInvalid'
  | 'amountInvalid'
  | 'quantityInvalid'
  | 'ipInvalid'
  /** A status or after-sales word we do not know: kept as text, never guessed (lib/orders/status.ts). */
  | 'statusUnknown'
  /** A combined logistics cell whose carrier and number cannot be told apart with certainty. */
  | 'logisticsUnclear';

/** Every normaliser answers with a value or a reason, never by throwing: bad cells are expected. */
export type Normalised<T> = { ok: true; value: T } | { ok: false; code: NormaliseErrorCode };

export { parseDate, parseExcelSerial } from './normalise-date';

/** Values exports write where there is nothing: these mean "missing", not "invalid". */
const PLACEHOLDERS = new Set(['', '-', '--', '/', 'null', 'undefined', 'n/a', '无']);

/**
 * Taobao protects long numbers from Excel by writing ="123…"; people who edit by hand use a
 * leading apostrophe. Both are spreadsheet syntax, not part of the value.
 */
export function unwrapSpreadsheetText(cell: string): string {
  const trimmed = cell.replace(/\uFEFF/g, '').trim();
  const formula = /^="(.*)"$/s.exec(trimmed);
  if (formula) return (formula[1] ?? '').replace(/""/g, '"').trim();
  return trimmed.startsWith("'") ? trimmed.slice(1).trim() : trimmed;
}

export function isBlankCell(cell: string): boolean {
  return PLACEHOLDERS.has(unwrapSpreadsheetText(cell).toLowerCase());
}

/** Order numbers stay strings: 18–19 digit Taobao/Douyin numbers do not survive a float. */
export function parseOrderNo(cell: string): Normalised<string> {
  const text = unwrapSpreadsheetText(cell).normalize('NFKC').replace(/\s+/g, '');
  if (PLACEHOLDERS.has(text.toLowerCase())) return { ok: false, code: 'orderNoMissing' };
  if (/^\d(\.\d+)?e\+\d+$/i.test(text)) return { ok: false, code: 'orderNoRounded' };
  if (!/^[0-9A-Za-z-]{6,32}$/.test(text)) return { ok: false, code: 'orderNoInvalid' };
  return { ok: true, value: text };
}

/**
 * Amounts to integer cents by reading the decimal string: parseFloat('1299.99') * 100 is
 * 129998.99999999999. Commas must be thousands separators; a decimal comma (12,99) is rejected
 * rather than read as 1299.
 */
export function parseAmountCents(cell: string): Normalised<number> {
  const text = unwrapSpreadsheetText(cell)
    .normalize('NFKC')
    .replace(/¥|\$|元|rmb|cny|usd/gi, '')
    .replace(/\s+/g, '');
  const m = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d*))?$/.exec(text);
  if (!m) return { ok: false, code: 'amountInvalid' };
  const [, sign, whole = '', fraction = ''] = m;
  const digits = `${fraction}000`;
  // Half away from zero on the third decimal, done on digits so no binary fraction is involved.
  const roundUp = Number(digits[2]) >= 5 ? 1 : 0;
  const cents = Number(whole.replace(/,/g, '')) * 100 + Number(digits.slice(0, 2)) + roundUp;
  if (!Number.isSafeInteger(cents)) return { ok: false, code: 'amountInvalid' };
  return { ok: true, value: sign === '-' && cents !== 0 ? -cents : cents };
}

/** Quantities are whole, positive item counts; "2件" and Excel's "2.0" are accepted. */
export function parseQuantity(cell: string): Normalised<number> {
  const text = unwrapSpreadsheetText(cell).normalize('NFKC').replace(/\s+|件|个|pcs?$/gi, '');
  const m = /^(\d+)(?:\.0+)?$/.exec(text);
  const value = m ? Number(m[1]) : NaN;
  if (!Number.isSafeInteger(value) || value <= 0) return { ok: false, code: 'quantityInvalid' };
  return { ok: true, value };
}

/** IPv4 or IPv6; a platform-masked IPv4 such as 115.236.*.* is kept as it is. */
export function parseIp(cell: string): Normalised<string> {
  const text = unwrapSpreadsheetText(cell).normalize('NFKC').replace(/\s+/g, '');
  if (isIP(text) !== 0 || isMaskedIpv4(text)) return { ok: true, value: text };
  return { ok: false, code: 'ipInvalid' };
}

function isMaskedIpv4(text: string): boolean {
  const octets = text.split('.');
  const valid = (octet: string) => octet === '*' || (/^\d{1,3}$/.test(octet) && Number(octet) <= 255);
  return text.includes('*') && octets.length === 4 && octets.every(valid);
}

/** Phones are kept as written (they may be masked or encrypted by the platform), only tidied: cannot fail. */
export function cleanPhone(cell: string): string {
  return unwrapSpreadsheetText(cell).normalize('NFKC').replace(/\s+/g, '');
}

/** Free text: control characters (tabs, line breaks inside quoted cells) become single spaces. Cannot fail. */
export function cleanText(cell: string): string {
  return unwrapSpreadsheetText(cell).replace(/[\u0000-\u001f\u007f\s]+/g, ' ').trim();
}
