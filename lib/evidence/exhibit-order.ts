import 'server-only';
import { randomUUID } from 'node:crypto';
import { lockCase } from '@/lib/db/case-lock';
import { db } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import { casePrefix } from '@/lib/storage';

/*
 * How exhibit numbers (position within a category) come about, kept simple on purpose:
 * - A batch of files picked together is numbered in the order the merchant picked them, at the end
 *   of its category, however the uploads happen to finish. Existing exhibits never move when files
 *   arrive, so numbers do not jump while the merchant watches.
 * - "Sort by date" renumbers a category by document date, then title: the default order, applied
 *   when the merchant asks for it. Moving an exhibit by hand afterwards wins until they sort again.
 */

/** Which pick of which batch an upload is: sent by the uploader, checked here. */
export type Placement = { batch: string; index: number };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const MAX_BATCH_INDEX = 9999;

export function parsePlacement(batch: string | null, index: string | null): Placement | null {
  if (!batch || !UUID.test(batch) || !index || !/^\d{1,4}$/.test(index)) return null;
  return { batch, index: Number(index) };
}

/*
 * The batch and pick travel in the storage key (server-made, never shown, never derived from the
 * file name): it ties a batch's rows together without a column for it. A replaced original gets a
 * plain key and leaves its batch, which is right: it keeps its place.
 */
export function evidenceStorageKey(caseId: string, placement: Placement | null): string {
  const pick = placement ? `${placement.batch}.${String(placement.index).padStart(4, '0')}.` : '';
  return `${casePrefix(caseId)}evidence/${pick}${randomUUID()}`;
}

function pickOf(storageKey: string, batchPrefix: string): number {
  return Number(storageKey.slice(batchPrefix.length, batchPrefix.length + 4));
}

type Tx = Prisma.TransactionClient;

/** One statement, so two requests can never both read the same "last" position and share it (behind lockCase, lib/db/case-lock.ts). */
export function appendToCategory(tx: Tx | typeof db, evidenceId: string, caseId: string, category: string) {
  return tx.$executeRaw`UPDATE "Evidence" SET "category" = ${category}, "position" = (SELECT COALESCE(MAX(e."position"), 0) + 1 FROM "Evidence" e WHERE e."caseId" = ${caseId} AND e."category" = ${category} AND e."id" <> ${evidenceId}) WHERE "id" = ${evidenceId}`;
}

/**
 * Registers a new exhibit at its place: appended to its category, then, with the rows of its batch
 * that arrived before it, given the batch's positions in pick order. One transaction behind the
 * case's lock, so batch-mates finishing together are placed one after the other.
 */
export async function createPlacedEvidence(data: Prisma.EvidenceUncheckedCreateInput & { id: string; caseId: string; category: string; storageKey: string }, placement: Placement | null): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockCase(tx, data.caseId);
    await tx.evidence.create({ data: { ...data, position: 0 } });
    await appendToCategory(tx, data.id, data.caseId, data.category);
    if (!placement) return;
    const batchPrefix = `${casePrefix(data.caseId)}evidence/${placement.batch}.`;
    const mates = await tx.evidence.findMany({
      where: { caseId: data.caseId, category: data.category, storageKey: { startsWith: batchPrefix } },
      select: { id: true, position: true, storageKey: true },
    });
    const positions = mates.map((m) => m.position).sort((a, b) => a - b);
    const inPickOrder = [...mates].sort((a, b) => pickOf(a.storageKey, batchPrefix) - pickOf(b.storageKey, batchPrefix));
    for (const [i, mate] of inPickOrder.entries()) {
      if (mate.position !== positions[i]) await tx.evidence.update({ where: { id: mate.id }, data: { position: positions[i] } });
    }
  });
}

type Sortable = { id: string; title: string; documentDate: Date | null; position: number };

/** The default order: by document date (undated last), then title as a Chinese reader sorts, then the current order. */
export function byDateThenTitle(a: Sortable, b: Sortable): number {
  const date = (a.documentDate?.getTime() ?? Infinity) - (b.documentDate?.getTime() ?? Infinity);
  return (Number.isNaN(date) ? 0 : date) || a.title.localeCompare(b.title, 'zh-CN') || a.position - b.position;
}

/** Renumbers a category 1…n in the default order (the merchant's "sort by date"). */
export async function sortCategoryByDate(caseId: string, category: string): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockCase(tx, caseId);
    const rows = await tx.evidence.findMany({ where: { caseId, category }, select: { id: true, title: true, documentDate: true, position: true } });
    for (const [i, row] of rows.sort(byDateThenTitle).entries()) {
      if (row.position !== i + 1) await tx.evidence.update({ where: { id: row.id }, data: { position: i + 1 } });
    }
  });
}
