import type { Normalised } from './normalise';

/** China Standard Time has had no daylight saving since 1991: a fixed +08:00 is exact for exports. */
const CHINA_OFFSET_MINUTES = 8 * 60;
/** Excel's 1900 date system counts days from 1899-12-30 once its fake 1900-02-29 is accounted for. */
const EXCEL_SERIAL_UNIX_EPOCH = 25569;
const MS_PER_DAY = 86_400_000;

/*
 * One pattern for the spellings exports use: 2026-11-11 20:05:13, 2026/11/11 20:05, 2026.11.11,
 * 2026年11月11日 20时05分13秒, ISO 8601 with T, fractions and a Z or ±hh:mm offset, and date-only.
 */
const DATE_PATTERN =
  /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[T\s]*(\d{1,2})[:时](\d{1,2})(?:[:分](\d{1,2})(?:\.(\d{1,9}))?秒?)?分?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Parses an export's date-time. Without an offset the time is China time, which is what every
 * Chinese seller backend prints; Amazon's ISO dates carry their own offset.
 */
export function parseDate(cell: string): Normalised<Date> {
  const text = cell.normalize('NFKC').trim();
  if (/^\d{4,6}(\.\d+)?$/.test(text)) return parseExcelSerial(Number(text));
  const m = DATE_PATTERN.exec(text);
  if (!m) return { ok: false, code: 'dateInvalid' };
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone] = m;
  const parts = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
  const [year, month, day, hour, minute, second] = parts;
  const ms = Number(frac.padEnd(3, '0').slice(0, 3));
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const check = new Date(wall);
  // Date.UTC rolls 2026-02-30 over to March 2: a rolled value means the date does not exist.
  const exists =
    check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day &&
    check.getUTCHours() === hour && check.getUTCMinutes() === minute && check.getUTCSeconds() === second;
  if (!exists || year < 1970 || year > 2100) return { ok: false, code: 'dateInvalid' };
  return { ok: true, value: new Date(wall - offsetMinutes(zone) * 60_000) };
}

function offsetMinutes(zone: string | undefined): number {
  if (zone === undefined) return CHINA_OFFSET_MINUTES;
  if (zone.toUpperCase() === 'Z') return 0;
  const digits = zone.replace(':', '');
  const sign = digits.startsWith('-') ? -1 : 1;
  return sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
}

/**
 * A date that reached the file as an Excel serial number (45607.5 is 2024-11-11 12:00), usually
 * because someone re-saved the export from Excel with a General format. The serial is wall-clock
 * time, so it is read as China time like any other offset-less date.
 */
export function parseExcelSerial(serial: number): Normalised<Date> {
  // 25569 is 1970-01-01 and 73051 is 2100-01-01: outside that range the number is not a date.
  if (!Number.isFinite(serial) || serial < EXCEL_SERIAL_UNIX_EPOCH || serial >= 73051) {
    return { ok: false, code: 'dateInvalid' };
  }
  // Round to the second: serial fractions are binary floats and land on …59.999.
  const wallSeconds = Math.round((serial - EXCEL_SERIAL_UNIX_EPOCH) * (MS_PER_DAY / 1000));
  return { ok: true, value: new Date(wallSeconds * 1000 - CHINA_OFFSET_MINUTES * 60_000) };
}
