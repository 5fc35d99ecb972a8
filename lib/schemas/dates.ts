import { z } from 'zod';

/** Parses YYYY-MM-DD into midnight UTC of that calendar date, or null when it is not a real date. */
export function parseCalendarDate(s: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return null;
  const date = new Date(`${s}T00:00:00.000Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== s ? null : date;
}

/** The YYYY-MM-DD form of a stored calendar date ('' for none), as a date input shows it. */
export function formatCalendarDate(date: Date | null | undefined): string {
  return date ? date.toISOString().slice(0, 10) : '';
}

/** A calendar date typed as YYYY-MM-DD, kept as midnight UTC of that date; empty means not given. */
export const optionalCalendarDateSchema = z.string().transform((raw, ctx) => {
  const s = raw.trim();
  if (s === '') return null;
  const date = parseCalendarDate(s);
  if (!date) {
    ctx.addIssue({ code: 'custom', message: 'invalidDate' });
    return z.NEVER;
  }
  return date;
});

/** A calendar date that must be given. */
export const requiredCalendarDateSchema = z.string().transform((raw, ctx) => {
  const s = raw.trim();
  const date = parseCalendarDate(s);
  if (!date) {
    ctx.addIssue({ code: 'custom', message: s === '' ? 'required' : 'invalidDate' });
    return z.NEVER;
  }
  return date;
});
