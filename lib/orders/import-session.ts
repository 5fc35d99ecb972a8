import 'server-only';
import { randomUUID } from 'node:crypto';
import { buffer } from 'node:stream/consumers';
import { blobStore, casePrefix } from '@/lib/storage';

/** Largest order export accepted: a 50,000-order Taobao CSV is about 15 MB. */
export const ORDER_IMPORT_MAX_BYTES = 50 * 1024 * 1024;

const IMPORT_ID = /^[0-9a-f-]{36}$/;

function key(caseId: string, importId: string): string {
  return `${casePrefix(caseId)}imports/${importId}`;
}

/**
 * The uploaded export is kept, untouched, between the preview and the
 * confirmation (and afterwards, as the original the orders came from).
 */
export async function keepImportFile(caseId: string, bytes: Uint8Array): Promise<string> {
  const importId = randomUUID();
  await blobStore().put(key(caseId, importId), bytes);
  return importId;
}

export async function readImportFile(caseId: string, importId: string): Promise<Uint8Array | null> {
  if (!IMPORT_ID.test(importId)) return null;
  const stream = await blobStore().get(key(caseId, importId));
  return stream ? new Uint8Array(await buffer(stream)) : null;
}

/** Whether the kept file is still there (the confirmation queues its import only then). */
export async function importFileKept(caseId: string, importId: string): Promise<boolean> {
  if (!IMPORT_ID.test(importId)) return false;
  const stream = await blobStore().get(key(caseId, importId));
  stream?.destroy();
  return !!stream;
}

/** A kept file that turned out unreadable goes at once: nothing will ever import it. */
export async function dropImportFile(caseId: string, importId: string): Promise<void> {
  if (IMPORT_ID.test(importId)) await blobStore().delete(key(caseId, importId));
}
