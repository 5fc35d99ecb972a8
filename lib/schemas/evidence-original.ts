import { z } from 'zod';

/**
 * The per-item choice to leave an original that says where a photo was taken out of the ZIP and
 * the PDF attachments. An unticked checkbox sends nothing, so absence means "attach it".
 */
export const omitOriginalSchema = z.object({
  caseId: z.string().min(1).max(64),
  evidenceId: z.string().min(1).max(64),
  omit: z.literal('on').optional().transform((value) => value === 'on'),
});
