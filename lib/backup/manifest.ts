import { z } from 'zod';

/** One copied file: its path inside the backup (and the data folder), size and SHA-256. */
const entrySchema = z.object({ path: z.string().min(1), bytes: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });
export type BackupEntry = z.infer<typeof entrySchema>;

/**
 * What a backup holds, written last: a folder without it is an unfinished backup. Paths are
 * relative and use '/', and never climb out of the folder (checked again on restore).
 */
export const manifestSchema = z.object({
  format: z.literal('appeal-pack-backup/1'),
  createdAt: z.string(),
  /** Which database the dump is of: an SQLite file (app.db), or a pg_dump custom-format archive (PG_DUMP). */
  engine: z.enum(['sqlite', 'postgresql']).default('sqlite'),
  database: entrySchema,
  files: z.array(entrySchema),
  /** Stored files the database names that were not in the data folder when the backup was taken. */
  missing: z.array(z.string()),
});
export type BackupManifest = z.infer<typeof manifestSchema>;

export const MANIFEST = 'manifest.json';
export const DATABASE = 'app.db';
export const PG_DUMP = 'database.pgdump';

/** A relative path that stays inside its folder: no '..', no absolute path, no backslash. */
export function safeRelative(relative: string): boolean {
  return relative !== '' && !relative.startsWith('/') && !relative.includes('\\') && relative.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}
