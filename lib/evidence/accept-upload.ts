import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { db } from '@/lib/db/client';
import { touchCase } from '@/lib/cases/repository';
import { offThread } from '@/lib/jobs/tasks';
import { ensureAccountUsage } from '@/lib/quota/account';
import { releaseBytes } from '@/lib/quota/storage';
import { UploadReservation } from '@/lib/quota/upload-reservation';
import { blobStore } from '@/lib/storage';
import { isStorageFull } from '@/lib/storage/errors';
import { isEvidenceCategory, type EvidenceCategory } from './categories';
import { defaultTitle } from './default-title';
import { createPlacedEvidence, evidenceStorageKey, type Placement } from './exhibit-order';
import { detectKind } from './inspect/file-kind';
import { safeDisplayName } from './inspect/file-name';
import { limitForKind, streamLimit } from './limits';
import { receiveUpload } from '@/lib/http/receive';

export type UploadRefusal = 'notFound' | 'alreadyUploaded' | 'empty' | 'tooLarge' | 'caseFull' | 'accountFull' | 'aborted' | 'unsupportedType' | 'mismatch' | 'executable' | 'tooManyPixels' | 'undecodable' | 'storageFull';

export type UploadOutcome =
  | { ok: true; evidenceId: string; duplicate: boolean; checkStatus: string; checkReason: string }
  | { ok: false; error: UploadRefusal; detected?: string };

/** The answer for a file the case already holds: the existing one, not stored again. */
function asDuplicate(e: { id: string; checkStatus: string; checkReason: string }): UploadOutcome {
  return { ok: true, evidenceId: e.id, duplicate: true, checkStatus: e.checkStatus, checkReason: e.checkReason };
}

/**
 * One upload, start to finish: stream it into storage (hashing on the way),
 * decide its type by content, recognise a file the case already has, check
 * PDFs and images, make labelled derived copies, and register it. Anything
 * refused is removed again: a refusal leaves neither bytes nor a row.
 */
export async function acceptUpload(input: UploadInput): Promise<UploadOutcome> {
  const owned = await db.case.findFirst({ where: { id: input.caseId, userId: input.userId }, select: { id: true } });
  if (!owned) return { ok: false, error: 'notFound' };
  await ensureAccountUsage(input.userId);
  const reservation = new UploadReservation(input.userId, input.caseId, streamLimit(input.fileName));
  let outcome: UploadOutcome | undefined;
  try {
    outcome = await storeUpload(input, reservation);
  } finally {
    // Only a newly stored or replacing original keeps its bytes; refusals, duplicates and errors give them all back.
    if (!outcome?.ok || outcome.duplicate) await reservation.release();
  }
  return outcome;
}

type UploadInput = {
  userId: string;
  caseId: string;
  fileName: string;
  category: string;
  body: ReadableStream<Uint8Array> | Readable;
  /** The size the client declared (Content-Length), if any: reserved before the first byte is stored. */
  declaredSize?: number;
  /** Replace this file's original, keeping what the merchant said about it and its order links. */
  replaceId?: string;
  /** Which pick of which batch this file is: numbered in the merchant's order, not the finishing order. */
  placement?: Placement | null;
};

async function storeUpload(input: UploadInput, reservation: UploadReservation): Promise<UploadOutcome> {
  const { userId, caseId } = input;
  const replacing = input.replaceId ? await db.evidence.findFirst({ where: { id: input.replaceId, caseId } }) : null;
  if (input.replaceId && !replacing) return { ok: false, error: 'notFound' };

  // The stream's limit comes from the declared name (a video name: the video limit); the kind's own
  // limit is checked again once the content is known (see lib/evidence/limits.ts).
  const maxFileBytes = streamLimit(input.fileName);
  if (input.declaredSize !== undefined) {
    if (input.declaredSize > maxFileBytes) return { ok: false, error: 'tooLarge' };
    const refusal = await reservation.reserveDeclared(input.declaredSize);
    if (refusal) return { ok: false, error: refusal };
  }
  const store = blobStore();
  const key = evidenceStorageKey(caseId, replacing ? null : (input.placement ?? null));
  // The case's and the account's quota are reserved as the bytes arrive (lib/quota), not read first.
  const received = await receiveUpload(input.body, key, store, maxFileBytes, (total) => reservation.cover(total));
  if (!received.ok) return { ok: false, error: received.reason };
  await reservation.settle(received.size);

  const refuse = async (error: UploadRefusal, detected?: string): Promise<UploadOutcome> => {
    await store.delete(key);
    return { ok: false, error, detected };
  };
  // Read at most once, and only when a format or a check needs more than the head: the file is
  // within the per-file limit and already in the store.
  let whole: Promise<Uint8Array> | undefined;
  const readWhole = () => (whole ??= store.get(key).then(async (stream) => (stream ? new Uint8Array(await buffer(stream)) : new Uint8Array())));
  const originalName = safeDisplayName(input.fileName);
  const kind = await detectKind({ head: received.head, fileName: originalName, whole: readWhole });
  if (!kind.ok) return refuse(kind.reason, kind.detected);
  if (received.size > limitForKind(kind.kind)) return refuse('tooLarge');

  const existing = await db.evidence.findUnique({ where: { caseId_sha256: { caseId, sha256: received.sha256 } } });
  if (existing && replacing && existing.id !== replacing.id) return refuse('alreadyUploaded');
  if (existing) {
    await store.delete(key);
    return asDuplicate(existing);
  }

  const id = replacing?.id ?? randomUUID();
  // Opening a PDF or decoding a photo is CPU work: the task thread does it, reading the stored original.
  let inspected;
  try {
    inspected = await offThread('storedFacts', { caseId, key, kind: kind.kind });
  } catch (error) {
    // No room for the derived copies: the original goes too, and the merchant is told why.
    if (isStorageFull(error)) return refuse('storageFull');
    throw error;
  }
  if (!inspected.ok) return refuse(inspected.reason);
  const { facts } = inspected;

  if (replacing) {
    await db.evidence.update({
      where: { id: replacing.id },
      data: {
        storageKey: key, sha256: received.sha256, size: received.size, mime: kind.mime, kind: kind.kind, originalName, uploadedAt: new Date(), uploadedBy: userId,
        checkStatus: facts.checkStatus, checkReason: facts.checkReason, pageCount: facts.pageCount ?? null,
        documentDate: replacing.documentDate ?? facts.documentDate, thumbnailKey: facts.thumbnailKey ?? null, previewKey: facts.previewKey ?? null, hasLocation: facts.hasLocation,
        videoSeconds: facts.videoSeconds ?? null, videoWidth: facts.videoWidth ?? null, videoHeight: facts.videoHeight ?? null,
        videoCodec: facts.videoCodec ?? null, videoCreatedAt: facts.videoCreatedAt ?? null,
      },
    });
    await Promise.all([replacing.storageKey, replacing.thumbnailKey, replacing.previewKey].filter((k): k is string => !!k).map((k) => store.delete(k)));
    await releaseBytes(userId, caseId, replacing.size);
    await touchCase(userId, caseId);
    return { ok: true, evidenceId: replacing.id, duplicate: false, checkStatus: facts.checkStatus, checkReason: facts.checkReason };
  }

  const category: EvidenceCategory = isEvidenceCategory(input.category) ? input.category : 'other';
  try {
    await createPlacedEvidence({
      id, caseId, storageKey: key, sha256: received.sha256, size: received.size, mime: kind.mime, kind: kind.kind,
      originalName, uploadedBy: userId, category, title: defaultTitle(originalName), ...facts,
    }, input.placement ?? null);
  } catch (error) {
    // The same file arriving twice at once: the unique (case, sha256) lets one win; the other is a duplicate.
    await Promise.all([key, facts.thumbnailKey, facts.previewKey].filter((k): k is string => !!k).map((k) => store.delete(k)));
    if (isStorageFull(error)) return { ok: false, error: 'storageFull' };
    const winner = await db.evidence.findUnique({ where: { caseId_sha256: { caseId, sha256: received.sha256 } } });
    if (!winner) throw error;
    return asDuplicate(winner);
  }
  await touchCase(userId, caseId);
  return { ok: true, evidenceId: id, duplicate: false, checkStatus: facts.checkStatus, checkReason: facts.checkReason };
}
