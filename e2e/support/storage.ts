import path from 'node:path';
import { LocalDiskStore } from '../../lib/storage/local-disk';
import { s3StoreFrom } from '../../lib/storage/s3';
import { s3Config } from '../../lib/storage/s3-config';
import type { BlobStore } from '../../lib/storage/types';
import { e2eS3Env, E2E_DATA_DIR } from './paths';

let store: BlobStore | undefined;

/** The store the app under test writes to (its data folder, or the bucket of E2E_STORAGE=s3). */
export function e2eStore(): BlobStore {
  const s3 = s3Config(e2eS3Env() ?? {});
  store ??= s3 ? s3StoreFrom(s3, { credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } }) : new LocalDiskStore(path.join(E2E_DATA_DIR, 'files'));
  return store;
}

/** Whether `key` is stored, read as the app reads it. */
export async function isStored(key: string): Promise<boolean> {
  const stream = await e2eStore().get(key);
  stream?.destroy();
  return stream !== null;
}
