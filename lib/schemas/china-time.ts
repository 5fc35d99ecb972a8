import { z } from 'zod';

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** A stored instant as a `datetime-local` input shows it, in China time ('' for none). */
export function toChinaLocalInput(date: Date | null | undefined): string {
  return date ? new Date(date.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 16) : '';
}

/** The calendar day of a stored instant in China time, YYYY-MM-DD ('' for none). */
export function toChinaDate(date: Date | null | undefined): string {
  return toChinaLocalInput(date).slice(0, 10);
}

/** A `datetime-local` value (YYYY-MM-DDTHH:mm, China time) as an instant; null when empty or invalid. */
export function fromChinaLocalInput(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const date = new Date(`${value}:00+08:00`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** An optional `datetime-local` field: empty is null, anything else must be a real time. */
export const optionalChinaLocalSchema = z.string().transform((s, ctx) => {
  if (s.trim() === '') return null;
  const date = fromChinaLocalInput(s);
  if (!date) {
    ctx.addIssue({ code: 'custom', message: 'invalidDate' });
    return z.NEVER;
  }
  return date;
});
