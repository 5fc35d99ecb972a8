import 'server-only';
import { db } from '@/lib/db/client';
import { EXPORT_JOB } from '@/lib/jobs/handlers';
import { jobRunner } from '@/lib/jobs/runner';
import { offThread } from '@/lib/jobs/tasks';
import type { JobContext } from '@/lib/jobs/types';
import { blobStore, casePrefix } from '@/lib/storage';
import { buildBundle, type BundleOutput, type BundleVolume, type BundleWarning } from './bundle';
import { bundleFingerprint, collectBundleData } from './collect';

const MB = 1024 * 1024;

export type ExportOptions = { attachOriginals?: boolean; maxBundleMB?: number };
export type ExportFile = { key: string; size: number; pages: number; volume: number; firstPage: number };
export type ExportResult = {
  fingerprint: string;
  files: ExportFile[];
  pages: number;
  warnings: BundleWarning[];
  oversized: string[];
  /** Exhibits that went in as labelled reduced copies (absent in results stored before there were any). */
  reduced?: string[];
  imageLevel: number;
  attachOriginals: boolean;
  attachedOriginals: boolean;
  maxBundleMB: number;
  generatedAt: string;
  timings: Record<string, number>;
  missingGlyphs: string[];
  /** Volumes that came out above the limit after all (the fitting works on estimates). */
  overLimit: number[];
};

async function fingerprintOf(caseId: string, options: ExportOptions) {
  const data = await collectBundleData(caseId);
  const maxBundleMB = options.maxBundleMB ?? data.maxBundleMB;
  const attachOriginals = options.attachOriginals ?? false;
  return { data, maxBundleMB, attachOriginals, fingerprint: bundleFingerprint(data, { attachOriginals, maxBundleMB }) };
}

/**
 * Builds the bundle of a case as it is now and stores it (one key per
 * volume) under the case's exports prefix, then removes older bundles: a
 * bundle of an earlier state of the case is never what the merchant should
 * send, but it stays until the new one is stored whole.
 */
export async function buildAndStoreBundle(caseId: string, options: ExportOptions = {}, progress?: (fraction: number, item: string) => Promise<void> | void): Promise<ExportResult> {
  const { data, maxBundleMB, attachOriginals, fingerprint } = await fingerprintOf(caseId, options);
  const store = blobStore();
  const keyOf = (n: number) => `${casePrefix(caseId)}exports/${fingerprint}/volume-${n}.pdf`;
  // A split bundle's volumes are stored as each is saved, not held to the end; the bytes are
  // dropped (a saved PDF is never empty) and `spilled` remembers how many keys a try wrote.
  let spilled = 0;
  const spill = async (volume: BundleVolume, n: number) => {
    spilled = Math.max(spilled, n);
    await store.put(keyOf(n), volume.bytes);
    return { ...volume, bytes: new Uint8Array(0) };
  };
  const files: ExportFile[] = [];
  let out: BundleOutput;
  try {
    out = await buildBundle(data, store, { maxBytes: maxBundleMB * MB, attachOriginals, now: new Date(), spill }, progress);
    for (const [i, volume] of out.volumes.entries()) {
      const key = keyOf(i + 1);
      const size = volume.bytes.length === 0 ? volume.size : (await store.put(key, volume.bytes)).size;
      files.push({ key, size, pages: volume.pages, volume: i + 1, firstPage: volume.firstPage });
    }
    // An earlier try at the volume breaks may have made more volumes than the last.
    for (let n = out.volumes.length + 1; n <= spilled; n++) await store.delete(keyOf(n));
  } catch (error) {
    // A full disk halfway through the volumes: no partial bundle is left, and the last whole one stays.
    await Promise.all(Array.from({ length: Math.max(spilled, files.length) }, (_, i) => store.delete(keyOf(i + 1))));
    throw error;
  }
  await removeOlderBundles(caseId, new Set(files.map((f) => f.key)));
  // Exported only if nothing changed while the bundle was being made.
  const now = await fingerprintOf(caseId, options).catch(async (error: unknown) => {
    // The case was deleted meanwhile: leave none of its bytes behind.
    await store.deletePrefix(casePrefix(caseId));
    throw error;
  });
  if (now.fingerprint === fingerprint) await db.case.update({ where: { id: caseId }, data: { status: 'exported' } });
  return {
    fingerprint,
    files,
    pages: out.pages,
    warnings: out.warnings,
    oversized: out.oversized,
    reduced: out.reduced,
    imageLevel: out.imageLevel,
    attachOriginals,
    attachedOriginals: out.attachedOriginals,
    maxBundleMB,
    generatedAt: new Date().toISOString(),
    timings: out.timings,
    missingGlyphs: out.missingGlyphs,
    overLimit: files.filter((f) => f.size > maxBundleMB * MB).map((f) => f.volume),
  };
}

export type ExportJobView = {
  id: string;
  status: string;
  progress: number;
  currentItem: string;
  error: string;
  result: ExportResult | null;
  /** The bundle still matches the case (false once anything was edited after it was made). */
  current: boolean;
};

function view(job: { id: string; status: string; progress: number; currentItem: string; error: string; result: string }, fingerprint: string | null): ExportJobView {
  const result = job.status === 'done' ? (JSON.parse(job.result) as ExportResult) : null;
  return { id: job.id, status: job.status, progress: job.progress, currentItem: job.currentItem, error: job.error, result, current: !!result && result.fingerprint === fingerprint };
}

/** Earlier exports' volumes, once the new bundle is stored whole: a bundle of an earlier state is never what to send. */
async function removeOlderBundles(caseId: string, keep: ReadonlySet<string>): Promise<void> {
  const done = await db.job.findMany({ where: { caseId, kind: EXPORT_JOB, status: 'done' }, select: { result: true } });
  const keys = done.flatMap((job) => (JSON.parse(job.result) as Partial<ExportResult>).files?.map((f) => f.key) ?? []);
  await Promise.all(keys.filter((key) => !keep.has(key)).map((key) => blobStore().delete(key)));
}

async function allStored(files: ExportFile[]): Promise<boolean> {
  for (const file of files) {
    const stream = await blobStore().get(file.key);
    if (!stream) return false;
    stream.destroy();
  }
  return files.length > 0;
}

/** The job handler (lib/jobs/handlers.ts). */
export function runExportJob({ caseId, input, progress }: JobContext): Promise<ExportResult> {
  return buildAndStoreBundle(caseId, input as ExportOptions, progress);
}

/** The fingerprint of the case as it is now: reads every order, finding and exhibit (a task thread's work). */
export async function currentFingerprint({ caseId, options }: { caseId: string; options: ExportOptions }): Promise<string> {
  return (await fingerprintOf(caseId, options)).fingerprint;
}

/** The case's latest export job, and whether its bundle still matches the case. */
export async function latestExport(caseId: string): Promise<ExportJobView | null> {
  const job = await db.job.findFirst({ where: { caseId, kind: EXPORT_JOB }, orderBy: { createdAt: 'desc' } });
  if (!job) return null;
  const options = JSON.parse(job.input) as ExportOptions;
  const fingerprint = job.status === 'done' ? await offThread('exportFingerprint', { caseId, options }) : null;
  return view(job, fingerprint);
}

/**
 * Starts an export, or returns the one already running, or the stored bundle
 * when the case has not changed since it was made (no new job at all).
 */
export async function startExport(caseId: string, options: ExportOptions): Promise<ExportJobView> {
  const active = await db.job.findFirst({ where: { caseId, kind: EXPORT_JOB, status: { in: ['queued', 'running'] } }, orderBy: { createdAt: 'desc' } });
  if (active) return view(active, null);
  const fingerprint = await offThread('exportFingerprint', { caseId, options });
  const done = await db.job.findMany({ where: { caseId, kind: EXPORT_JOB, status: 'done' }, orderBy: { createdAt: 'desc' }, take: 5 });
  for (const job of done) {
    const v = view(job, fingerprint);
    if (v.current && v.result && (await allStored(v.result.files))) return v;
  }
  const id = await jobRunner().enqueue(caseId, EXPORT_JOB, options);
  const job = await db.job.findUniqueOrThrow({ where: { id } });
  return view(job, null);
}
