import { buffer } from 'node:stream/consumers';
import type { BlobStore } from './types';

/** A stored object's whole bytes, or null when it does not exist: the store's own whole read where it has one. */
export async function readAll(store: BlobStore, key: string): Promise<Buffer | null> {
  if (store.read) return store.read(key);
  const stream = await store.get(key);
  return stream ? buffer(stream) : null;
}
