import 'server-only';
import type { ImportChoices } from '@/lib/schemas/order-import';
import { parseOrderFile, type ParseOrderFileFailure } from './import/import-orders';
import { completeMapping, importPreview, type ImportPreview } from './import/preview-response';
import { orderCapProblem } from './caps';
import type { OrderCapProblem } from './import-cap';
import { readImportFile } from './import-session';

export type KeptImportArgs = { caseId: string; importId: string; fileName: string; choices?: ImportChoices };
/** The preview, and whether the order caps let this file in (said before the merchant confirms). */
export type KeptImportPreview = { ok: true; preview: ImportPreview & { cap: OrderCapProblem | null } } | ParseOrderFileFailure | { ok: false; error: 'expired' };

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
  if (!parsed.ok) return parsed;
  const cap = await orderCapProblem(caseId, parsed.orders.map((o) => o.orderNo));
  return { ok: true, preview: { ...importPreview(parsed), cap } };
}
