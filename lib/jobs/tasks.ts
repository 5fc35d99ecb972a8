import 'server-only';
import { taskPool, threadsAvailable } from './runner';
import type { WorkerRequest } from './types';

/**
 * Heavy reads a request needs answered now (not queued as a job): run on a task thread, so the
 * event loop that serves every merchant stays free. Each loads its module lazily, in the worker.
 */
const TASKS = {
  importPreview: async (args: import('@/lib/orders/import-preview').KeptImportArgs) => (await import('@/lib/orders/import-preview')).previewKeptImport(args),
  auditView: async (args: import('@/lib/audit/audit-view').AuditViewArgs) => (await import('@/lib/audit/audit-view')).auditView(args),
  storedFacts: async (args: import('@/lib/evidence/inspect/stored-facts').StoredFactsArgs) => (await import('@/lib/evidence/inspect/stored-facts')).storedFacts(args),
  caseChecklist: async (caseId: string) => (await import('@/lib/checklist/query')).loadCaseChecklist(caseId),
  orderListing: async (args: { caseId: string; query: import('@/lib/orders/list').OrderQuery }) => (await import('@/lib/orders/list')).orderListing(args),
  draftFacts: async (args: import('@/lib/statement/draft-data').DraftFactsArgs) => (await import('@/lib/statement/draft-data')).draftFacts(args),
  exportFingerprint: async (args: { caseId: string; options: import('@/lib/export/run').ExportOptions }) => (await import('@/lib/export/run')).currentFingerprint(args),
};

type Tasks = typeof TASKS;
export type TaskName = keyof Tasks;

/** The worker's side: runs a task by name. */
export function runTask(name: string, args: unknown): Promise<unknown> {
  const task = TASKS[name as TaskName] as ((a: unknown) => Promise<unknown>) | undefined;
  if (!task) throw new Error(`no task ${name}`);
  return task(args);
}

/** Runs a task on a task thread (in the production server) or in place (dev server, tests, scripts). */
export async function offThread<K extends TaskName>(name: K, args: Parameters<Tasks[K]>[0]): Promise<Awaited<ReturnType<Tasks[K]>>> {
  type Value = Awaited<ReturnType<Tasks[K]>>;
  if (!threadsAvailable()) return (await runTask(name, args)) as Value;
  return taskPool().run<Value>({ type: 'task', name, args } satisfies WorkerRequest);
}
