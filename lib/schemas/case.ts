import { z } from 'zod';
import { PLATFORM_IDS } from '@/lib/platforms/profiles';
import { optionalCalendarDateSchema } from './dates';
import { singleLine } from './text';

export const CASE_TITLE_MAX = 80;

export const caseTitleSchema = singleLine(CASE_TITLE_MAX);

export const createCaseSchema = z.object({
  title: caseTitleSchema,
  platform: z.enum(PLATFORM_IDS, { error: 'required' }),
  appealDeadline: optionalCalendarDateSchema,
});
export type CreateCaseInput = z.input<typeof createCaseSchema>;

export const renameCaseSchema = z.object({ caseId: z.string().min(1), title: caseTitleSchema });
export const caseIdSchema = z.object({ caseId: z.string().min(1) });
