import { ListMultipartUploadsCommand, S3Client } from '@aws-sdk/client-s3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { spawnTestS3 } from '@/lib/testing/s3-child';
import type { TestS3 } from '@/lib/testing/s3-server';
import { LocalDiskStore } from './local-disk';
import { S3Store } from './s3';
import type { BlobStore } from './types';

/** One store under test, isolated from the others, with what only its backend can tell. */
export type Backend = {
  store: BlobStore;
  /** Multipart uploads begun and neither completed nor aborted (always 0 on disk). */
  pendingUploads(): Promise<number>;
};

/** The storage suites run against each of these: local disk always, S3 against a throwaway s3rver. */
export const BACKENDS = {
  'local disk': () => {
    let root = '';
    return {
      async start() {},
      async stop() {},
      async fresh(): Promise<Backend> {
        rmSync(root, { recursive: true, force: true });
        root = mkdtempSync(path.join(os.tmpdir(), 'store-'));
        return { store: new LocalDiskStore(root), pendingUploads: async () => 0 };
      },
    };
  },
  s3: () => {
    let server: TestS3 | undefined;
    let client: S3Client | undefined;
    return {
      async start() {
        server = await spawnTestS3();
        client = new S3Client({ endpoint: server.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' });
      },
      async stop() {
        client?.destroy();
        await server?.close();
      },
      async fresh(): Promise<Backend> {
        if (!server || !client) throw new Error('start() first');
        const { bucket } = server;
        const s3 = client;
        // A fresh prefix per test: the same bucket, nothing shared.
        const store = new S3Store(s3, bucket, `t-${randomUUID()}/`);
        return { store, pendingUploads: async () => (await s3.send(new ListMultipartUploadsCommand({ Bucket: bucket }))).Uploads?.length ?? 0 };
      },
    };
  },
};

type Generated = { failAfter?: number; onChunk?: (sent: number) => void };

/** `megabytes` of bytes in 64 KB chunks made as they are read, failing after `failAfter` MB if given. */
export function generated(megabytes: number, { failAfter, onChunk }: Generated = {}): Readable {
  let sent = 0;
  const total = megabytes * 16;
  return new Readable({
    read() {
      if (failAfter !== undefined && sent === failAfter * 16) return void this.destroy(new Error('connection reset'));
      if (sent === total) return void this.push(null);
      sent += 1;
      onChunk?.(sent);
      this.push(Buffer.alloc(64 * 1024, sent % 251));
    },
  });
}
