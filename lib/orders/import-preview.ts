import 'server-only';
import type { ImportChoices } from '@/lib/schemas/order-import';
import { parseOrderFile, type ParseOrderFileFailure } from './import/import-orders';
import { completeMapping, importPreview, type ImportPreview } from './import/preview-response';
import { readImportFile } from './import-session';

export type KeptImportArgs = { caseId: string; importId: string; fileName: string; choices?: ImportChoices };
export type KeptImportPreview = { ok: true; preview: ImportPreview } | ParseOrderFileFailure | { ok: false; error: 'expired' };

/**
 * The preview of a kept export for the merchant's choices (or the suggested mapping at first),
 * read exactly as the import will read it. Parsing a 50,000-row export is about a second of CPU:
 * a task thread's work (lib/jobs/tasks.ts), never the request's.
 */
export async function previewKeptImport({ caseId, importId, fileName, choices }: KeptImportArgs): Promise<KeptImportPreview> {
  const bytes = await readImportFile(caseId, importId);
  if (!bytes) return { ok: false, error: 'expired' };
  const options = choices && { mapping: completeMapping(choices.mapping), keepPersonalData: choices.keepPersonalData, fixes: choices.fixes };
  const parsed = await parseOrderFile(bytes, fileName, options);
  return parsed.ok ? { ok: true, preview: importPreview(parsed) } : parsed;
}
