/**
 * Reads the date and time at the start of a copied timeline line, and turns it into an instant.
 * Courier sites and platforms show China time without saying so: UTC+8 unless the line gives
 * an offset. Sites that drop the year (11-12 14:03) get one from the other lines or from `now`.
 */

export type DatePart = { year?: number; month: number; day: number };
export type TimePart = { hour: number; minute: number; second: number; offsetMinutes?: number };
export type Stamp = DatePart & TimePart;

export type LineHead =
  | { kind: 'dateTime'; stamp: Stamp; consumed: number }
  | { kind: 'dateOnly'; date: DatePart }
  | { kind: 'timeOnly'; time: TimePart; consumed: number };

const CHINA_OFFSET_MINUTES = 8 * 60;
const FULL_DATE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?/;
const SHORT_DATE = /^(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?/;
const WEEKDAY = /^[\s,]*(?:星期|周|礼拜)[一二三四五六日天]/;
const TIME = /^(?:T|\s*)(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?/;
// A bare sign needs four digits (+08:00, +0800) so "14:03 -1件" is not read as an offset.
const OFFSET = /^(?:Z|\s*(?:UTC|GMT)\s*([+-])(\d{1,2})(?::?(\d{2}))?|\s*([+-])(\d{2}):?(\d{2}))(?!\d)/i;

/** Full-width digits and punctuation to ASCII, one UTF-16 unit for one, so offsets still line up. */
export function foldWidth(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

function isValidDate({ year, month, day }: DatePart): boolean {
  // A missing year is checked against a leap year, so 02-29 stays possible until a year is chosen.
  const date = new Date(Date.UTC(year ?? 2024, month - 1, day));
  return month >= 1 && month <= 12 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function readTime(text: string): { time: TimePart; consumed: number } | null {
  const match = TIME.exec(text);
  if (!match) return null;
  const [hour, minute, second] = [match[1], match[2], match[3] ?? '0'].map(Number) as [number, number, number];
  if (hour > 23 || minute > 59 || second > 59) return null;
  const time: TimePart = { hour, minute, second };
  let consumed = match[0].length;
  const offset = OFFSET.exec(text.slice(consumed));
  if (offset) {
    const [, sign1, h1, m1, sign2, h2, m2] = offset;
    const sign = (sign1 ?? sign2) === '-' ? -1 : 1;
    time.offsetMinutes = sign * (Number(h1 ?? h2 ?? 0) * 60 + Number(m1 ?? m2 ?? 0));
    consumed += offset[0].length;
  }
  return { time, consumed };
}

/** What a line starts with: a date and time, a date alone (a day header), a time alone, or nothing. */
export function readLineHead(line: string): LineHead | null {
  const text = foldWidth(line);
  const full = FULL_DATE.exec(text);
  const short = full ? null : SHORT_DATE.exec(text);
  const dateMatch = full ?? short;
  if (!dateMatch) {
    const time = readTime(text);
    return time ? { kind: 'timeOnly', ...time } : null;
  }
  const numbers = dateMatch.slice(1).map(Number);
  const date: DatePart = full
    ? { year: numbers[0], month: numbers[1] ?? 0, day: numbers[2] ?? 0 }
    : { month: numbers[0] ?? 0, day: numbers[1] ?? 0 };
  if (!isValidDate(date)) return null;
  let consumed = dateMatch[0].length;
  consumed += WEEKDAY.exec(text.slice(consumed))?.[0].length ?? 0;
  const time = readTime(text.slice(consumed));
  if (time) return { kind: 'dateTime', stamp: { ...date, ...time.time }, consumed: consumed + time.consumed };
  return text.slice(consumed).trim() === '' ? { kind: 'dateOnly', date } : null;
}

function instant(stamp: Stamp, year: number): number {
  const offset = stamp.offsetMinutes ?? CHINA_OFFSET_MINUTES;
  return Date.UTC(year, stamp.month - 1, stamp.day, stamp.hour, stamp.minute - offset, stamp.second);
}

const DAY_MS = 24 * 60 * 60 * 1000;

function nearestYear(stamps: readonly Stamp[], index: number): { at: number; year: number } | null {
  for (let distance = 1; distance < stamps.length; distance++) {
    for (const i of [index - distance, index + distance]) {
      const year = stamps[i]?.year;
      if (year !== undefined) return { at: instant(stamps[i] as Stamp, year), year };
    }
  }
  return null;
}

/**
 * The instant of every stamp. A stamp without a year takes the year (within one of the nearest
 * line that has one) that puts it closest to that line; with no such line, the latest year not
 * after `now` plus a day's grace, so December lines pasted in January land in the year before.
 */
export function resolveInstants(stamps: readonly Stamp[], now: Date): Date[] {
  const nowYear = new Date(now.getTime() + CHINA_OFFSET_MINUTES * 60_000).getUTCFullYear();
  return stamps.map((stamp, index) => {
    if (stamp.year !== undefined) return new Date(instant(stamp, stamp.year));
    const fits = (year: number) => isValidDate({ year, month: stamp.month, day: stamp.day });
    const anchor = nearestYear(stamps, index);
    const near = anchor ? [anchor.year, anchor.year - 1, anchor.year + 1].filter(fits) : [];
    if (anchor && near.length > 0) {
      const gap = (year: number) => Math.abs(instant(stamp, year) - anchor.at);
      return new Date(instant(stamp, near.reduce((a, b) => (gap(b) < gap(a) ? b : a))));
    }
    // Next year only within the grace day; four years back reaches the previous 29 February.
    const limit = now.getTime() + DAY_MS;
    const year = [-1, 0, 1, 2, 3, 4].map((back) => nowYear - back).find((y) => fits(y) && instant(stamp, y) <= limit);
    return new Date(instant(stamp, year ?? nowYear - 1));
  });
}
