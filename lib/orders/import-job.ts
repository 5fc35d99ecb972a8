import 'server-only';
import { z } from 'zod';
import { touchCase } from '@/lib/cases/repository';
import { db } from '@/lib/db/client';
import { IMPORT_JOB } from '@/lib/jobs/handlers';
import type { JobContext } from '@/lib/jobs/types';
import { importChoicesSchema } from '@/lib/schemas/order-import';
import { parseOrderFile, type ParseOrderFileFailure, type RowError } from './import/import-orders';
import { completeMapping } from './import/preview-response';
import { orderCapProblem } from './caps';
import { ORDER_CAP_REACHED, OrderCapReached, type OrderCapProblem } from './import-cap';
import { readImportFile } from './import-session';
import { upsertOrders } from './repository';

export const importJobInputSchema = importChoicesSchema.extend({
  importId: z.string().min(1).max(64),
  fileName: z.string().max(255),
  flagged: z.boolean(),
  /** The job a server restart interrupted, which this one runs again from the start. */
  resumes: z.string().max(64).optional(),
});
export type ImportJobInput = z.infer<typeof importJobInputSchema>;

/** Row errors kept with the job for the page (the count is always whole). */
const LISTED_ERRORS = 200;

export type ImportJobResult =
  | { ok: true; fileName: string; created: number; updated: number; rowErrors: RowError[]; rowErrorCount: number }
  | ParseOrderFileFailure
  | { ok: false; error: 'expired' }
  /** A corrected row that still does not have the header's shape: nothing was imported. */
  | { ok: false; error: 'correctionBroken'; lines: number[] }
  /** Over the orders-per-import or per-case cap: nothing was imported. */
  | { ok: false; error: 'overCap'; cap: OrderCapProblem };

/**
 * The import job: read the kept file again (it is never changed) with the mapping and exactly the
 * skips and corrections the merchant confirmed, re-checked here, and save in chunks with progress.
 * Then the case's progress is refreshed, which on this thread computes its audit too.
 */
export async function runImportJob({ caseId, input, progress }: JobContext): Promise<ImportJobResult> {
  const args = importJobInputSchema.parse(input);
  const bytes = await readImportFile(caseId, args.importId);
  if (!bytes) return { ok: false, error: 'expired' };
  await progress(0.05, args.fileName);
  const parsed = await parseOrderFile(bytes, args.fileName, { mapping: completeMapping(args.mapping), keepPersonalData: args.keepPersonalData, fixes: args.fixes });
  if (!parsed.ok) return parsed;
  const stillBroken = parsed.brokenRows.filter((row) => row.corrected).map((row) => row.line);
  if (stillBroken.length > 0) return { ok: false, error: 'correctionBroken', lines: stillBroken };
  const cap = await orderCapProblem(caseId, parsed.orders.map((o) => o.orderNo));
  if (cap) return { ok: false, error: 'overCap', cap };
  await progress(0.3, args.fileName);
  const saved = await upsertOrders(caseId, parsed.orders, 'import', {
    flagged: args.flagged,
    onChunk: (done, total) => progress(0.3 + (0.6 * done) / total, args.fileName),
  }).catch((error: unknown) => {
    // Orders added meanwhile (a paste, another instance) took the case to its cap after the check above.
    if (!(error instanceof OrderCapReached)) throw error;
    if (error.created === 0) return { overCap: { kind: 'case', limit: error.limit, current: error.current, incoming: error.incoming } as const };
    // Some chunks were saved: the job stopped part-way, and its page says so rather than "nothing imported".
    throw new Error(ORDER_CAP_REACHED);
  });
  if ('overCap' in saved) return { ok: false, error: 'overCap', cap: saved.overCap };
  const { created, updated } = saved;
  await progress(0.9, args.fileName);
  const owner = await db.case.findUnique({ where: { id: caseId }, select: { userId: true } });
  if (owner) await touchCase(owner.userId, caseId);
  return { ok: true, fileName: args.fileName, created, updated, rowErrors: parsed.rowErrors.slice(0, LISTED_ERRORS), rowErrorCount: parsed.rowErrors.length };
}

export type ImportJobView = { id: string; status: string; progress: number; error: string; createdAt: Date; fileName: string; resumed: boolean; result: ImportJobResult | null };

/** The case's latest import: running (with progress) or finished (with what it did), for the orders step. */
export async function latestImport(caseId: string): Promise<ImportJobView | null> {
  const job = await db.job.findFirst({ where: { caseId, kind: IMPORT_JOB }, orderBy: { createdAt: 'desc' } });
  if (!job) return null;
  const input = importJobInputSchema.safeParse(JSON.parse(job.input));
  const result = job.status === 'done' ? (JSON.parse(job.result) as ImportJobResult) : null;
  return { id: job.id, status: job.status, progress: job.progress, error: job.error, createdAt: job.createdAt, fileName: input.success ? input.data.fileName : '', resumed: input.success && !!input.data.resumes, result };
}
