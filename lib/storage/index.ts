import 'server-only';
import path from 'node:path';
import { dataDir } from '@/lib/db/data-dir.mjs';
import { LocalDiskStore } from './local-disk';
import { s3StoreFrom } from './s3';
import { s3Config } from './s3-config';
import type { BlobStore } from './types';

let store: BlobStore | undefined;

/**
 * The configured blob store, chosen once per process: an S3-compatible bucket when STORAGE_URL
 * is set (see s3-config.ts for the variables), else local disk under `<DATA_DIR>/files`.
 */
export function blobStore(): BlobStore {
  if (store) return store;
  const s3 = s3Config();
  store = s3 ? s3StoreFrom(s3) : new LocalDiskStore(path.join(dataDir(), 'files'));
  return store;
}

export type { BlobStore, ByteRange } from './types';
export { casePrefix } from './keys';
export { readAll } from './read-all';
