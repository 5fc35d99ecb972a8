import { z } from 'zod';
import { PLATFORM_IDS } from '@/lib/platforms/profiles';
import { singleLine } from './text';

export const CASE_TITLE_MAX = 80;

export const caseTitleSchema = singleLine(CASE_TITLE_MAX);

/** A calendar date typed as YYYY-MM-DD, kept as midnight UTC of that date; empty means not given. */
export const optionalCalendarDateSchema = z.string().transform((raw, ctx) => {
  const s = raw.trim();
  if (s === '') return null;
  const date = new Date(`${s}T00:00:00.000Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== s) {
    ctx.addIssue({ code: 'custom', message: 'invalidDate' });
    return z.NEVER;
  }
  return date;
});

export const createCaseSchema = z.object({
  title: caseTitleSchema,
  platform: z.enum(PLATFORM_IDS, { error: 'required' }),
  appealDeadline: optionalCalendarDateSchema,
});
export type CreateCaseInput = z.input<typeof createCaseSchema>;

export const renameCaseSchema = z.object({ caseId: z.string().min(1), title: caseTitleSchema });
export const caseIdSchema = z.object({ caseId: z.string().min(1) });
