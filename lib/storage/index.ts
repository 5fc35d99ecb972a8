import 'server-only';
import path from 'node:path';
import { dataDir } from '@/lib/db/data-dir.mjs';
import { LocalDiskStore } from './local-disk';
import type { BlobStore } from './types';

let store: BlobStore | undefined;

/** The configured blob store: local disk under `<DATA_DIR>/files`. */
export function blobStore(): BlobStore {
  store ??= new LocalDiskStore(path.join(dataDir(), 'files'));
  return store;
}

export type { BlobStore } from './types';
export { casePrefix } from './keys';
