import 'server-only';
import type { JobHandler } from './types';

export const EXPORT_JOB = 'export-pdf';
export const IMPORT_JOB = 'order-import';
export const AUDIT_JOB = 'audit';

/**
 * Every kind of job and its handler, for whichever thread runs it. Imported lazily: the modules
 * that enqueue jobs are among those the handlers use.
 */
export const JOB_HANDLERS: ReadonlyMap<string, JobHandler> = new Map<string, JobHandler>([
  [EXPORT_JOB, async (ctx) => (await import('@/lib/export/run')).runExportJob(ctx)],
  [IMPORT_JOB, async (ctx) => (await import('@/lib/orders/import-job')).runImportJob(ctx)],
  [AUDIT_JOB, async (ctx) => (await import('@/lib/audit/audit-job')).runAuditJob(ctx)],
]);
