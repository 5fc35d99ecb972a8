import { z } from 'zod';
import { ORDER_FIELDS } from '@/lib/orders/types';

/** A column index per field, or null for "not imported"; checked against the file on the server. */
export const columnMappingSchema = z.record(z.enum(ORDER_FIELDS), z.number().int().min(0).max(10_000).nullable());

/** The merchant's skips and in-place corrections of rows without the header's shape, by line. */
export const rowFixesSchema = z.object({
  corrections: z.array(z.object({ line: z.number().int().min(1), text: z.string().max(20_000) })).max(1_000),
  skips: z.array(z.number().int().min(1)).max(100_000),
});

/** What the preview is recomputed for: the same choices the confirmation will send. */
export const importChoicesSchema = z.object({
  mapping: columnMappingSchema,
  keepPersonalData: z.boolean(),
  fixes: rowFixesSchema,
});
export type ImportChoices = z.infer<typeof importChoicesSchema>;
