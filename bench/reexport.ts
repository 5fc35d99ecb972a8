/**
 * The merchant's loop for bench/export-run.ts (issue #15): after a full export, fix one sentence of
 * the statement and export again, then add one photo and export again. Only the edits live here;
 * the exports go through the same public entry as the full one (buildAndStoreBundle), so the lines
 * mean the same before and after the export keeps a page cache.
 */
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { db } from '@/lib/db/client';
import { acceptUpload } from '@/lib/evidence/accept-upload';
import { releaseBytes } from '@/lib/quota/storage';
import { blobStore, casePrefix } from '@/lib/storage';

/** The sentence changed, and what it becomes: one sentence of whyGenuine, as a merchant corrects a fact. */
const BEFORE = '商品全部从深圳仓库实际发出';
const AFTER = '商品全部从深圳宝安一号仓库实际发出，出库单可查';

/** Changes one sentence of the statement (bench/export.ts writes it as JSON with whyGenuine). */
export async function editStatement(caseId: string): Promise<void> {
  const c = await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { statement: true } });
  const statement = JSON.parse(c.statement) as Record<string, string>;
  if (!statement.whyGenuine?.includes(BEFORE)) throw new Error('the benchmark statement no longer holds the sentence to edit');
  statement.whyGenuine = statement.whyGenuine.replace(BEFORE, AFTER);
  await db.case.update({ where: { id: caseId }, data: { statement: JSON.stringify(statement) } });
}

const EXTRA_TITLE = '补充：打包台实拍';

/** Uploads one more photo to the case, as the merchant would, with a title like the others'. */
export async function addPhoto(caseId: string, file: string): Promise<void> {
  const { userId } = await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { userId: true } });
  const outcome = await acceptUpload({ userId, caseId, fileName: path.basename(file), category: 'logistics', body: createReadStream(file) });
  if (!outcome.ok || outcome.duplicate) throw new Error(`upload of the extra photo refused: ${JSON.stringify(outcome)}`);
  await db.evidence.update({ where: { id: outcome.evidenceId }, data: { title: '补充：打包台实拍', description: '第一次导出后补充的打包台照片。' } });
}

/**
 * Undoes both edits (the photo removed as the app removes a file) and empties the case's cache and
 * exports, so that the next round of bench/export.ts exports the case as the first round did.
 */
export async function undoEdits(caseId: string): Promise<void> {
  const c = await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { statement: true, userId: true } });
  const statement = JSON.parse(c.statement) as Record<string, string>;
  statement.whyGenuine = (statement.whyGenuine ?? '').replace(AFTER, BEFORE);
  await db.case.update({ where: { id: caseId }, data: { statement: JSON.stringify(statement) } });
  const store = blobStore();
  for (const photo of await db.evidence.findMany({ where: { caseId, title: EXTRA_TITLE } })) {
    await db.evidence.delete({ where: { id: photo.id } });
    await releaseBytes(c.userId, caseId, photo.size);
    await Promise.all([photo.storageKey, photo.thumbnailKey, photo.previewKey].filter((k): k is string => !!k).map((k) => store.delete(k)));
  }
  await store.deletePrefix(`${casePrefix(caseId)}cache/`);
  await store.deletePrefix(`${casePrefix(caseId)}exports/`);
}
