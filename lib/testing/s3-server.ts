import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import type S3rverClass from 's3rver';

// Loaded as the CommonJS module it is: jiti's default-import interop (the child process and
// npm run s3:dev run this file through jiti) hides the instance's own fields.
const S3rver = createRequire(import.meta.url)('s3rver') as typeof S3rverClass;

export type TestS3 = {
  endpoint: string;
  bucket: string;
  /** The variables that point the app at this server (see lib/storage/s3-config.ts). */
  env: Record<string, string>;
  close(): Promise<void>;
};

/**
 * An S3-compatible server for tests and local runs: s3rver (an S3 HTTP API in Node, from npm, so
 * `npm test` needs nothing installed) in a fresh temp folder on a free port, path-style.
 * s3rver lacks two calls we rely on, added here in front of it: AbortMultipartUpload (it answers
 * 405, so aborted parts would stay on its disk) and ListMultipartUploads (tests use it to prove
 * an aborted upload left nothing; the sweep finds abandoned ones by it, with Prefix and Initiated).
 * Both work on the folder s3rver keeps its parts in. And it
 * writes an object in place, so two concurrent puts of one key interleave on its disk: S3 and
 * every compatible service replace an object whole, so writes of one key are queued here.
 */
export async function startTestS3({ bucket = 'appeal-pack-test', port = 0, prefix = 'app', keepIn = '' } = {}): Promise<TestS3> {
  // A folder to keep (a local run) or a fresh one removed on close (tests).
  const directory = keepIn ? path.resolve(keepIn) : mkdtempSync(path.join(os.tmpdir(), 's3rver-'));
  mkdirSync(directory, { recursive: true });
  const server = new S3rver({ address: '127.0.0.1', port, silent: true, directory, configureBuckets: [{ name: bucket }], vhostBuckets: false });
  serializePutsPerKey(server);
  const uploadsDir = (name: string) => path.join(directory, name, '._S3rver_uploads');
  server.middleware.unshift(async (ctx, next) => {
    const [, name = '', ...rest] = ctx.path.split('/');
    const uploadId = typeof ctx.query.uploadId === 'string' ? ctx.query.uploadId : null;
    if (ctx.method === 'DELETE' && rest.length && uploadId && /^[0-9a-f]+$/.test(uploadId)) {
      await rm(path.join(uploadsDir(name), uploadId), { recursive: true, force: true });
      ctx.status = 204;
      return;
    }
    if (ctx.method === 'GET' && !rest.filter(Boolean).length && 'uploads' in ctx.query) {
      const ids = await readdir(uploadsDir(name)).catch(() => [] as string[]);
      const prefix = typeof ctx.query.prefix === 'string' ? ctx.query.prefix : '';
      const uploads = await Promise.all(ids.map(async (id) => {
        const keyFile = path.join(uploadsDir(name), id, 'key');
        const [key, info] = await Promise.all([readFile(keyFile, 'utf8'), stat(keyFile)]);
        // Begun when its key was written: a test ages an upload by changing that file's time.
        return key.startsWith(prefix) ? `<Upload><Key>${escapeXml(key)}</Key><UploadId>${id}</UploadId><Initiated>${info.mtime.toISOString()}</Initiated></Upload>` : '';
      }));
      ctx.type = 'application/xml';
      ctx.body = `<?xml version="1.0" encoding="UTF-8"?><ListMultipartUploadsResult><Bucket>${escapeXml(name)}</Bucket><IsTruncated>false</IsTruncated>${uploads.join('')}</ListMultipartUploadsResult>`;
      return;
    }
    await next();
  });
  const address = await server.run();
  const endpoint = `http://127.0.0.1:${address.port}`;
  return {
    endpoint,
    bucket,
    env: {
      STORAGE_URL: `s3://${bucket}/${prefix}`,
      S3_ENDPOINT: endpoint,
      S3_REGION: 'us-east-1',
      S3_FORCE_PATH_STYLE: '1',
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
    },
    async close() {
      await server.close();
      if (!keepIn) rmSync(directory, { recursive: true, force: true });
    },
  };
}

function serializePutsPerKey(server: S3rverClass) {
  const store = server.store;
  const putObject = store.putObject.bind(store);
  const queues = new Map<string, Promise<unknown>>();
  store.putObject = (object) => {
    const id = `${object.bucket}/${object.key}`;
    const done = (queues.get(id) ?? Promise.resolve()).catch(() => {}).then(() => putObject(object));
    queues.set(id, done);
    return done.finally(() => queues.get(id) === done && queues.delete(id));
  };
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

// Run directly (npm run s3:dev, or a test wanting the server out of its own process): prints the
// variables as one JSON line, then serves until stopped.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const server = await startTestS3({ port: Number(process.env.S3_DEV_PORT ?? 0), keepIn: process.env.S3_DEV_DIR ?? '', bucket: process.env.S3_DEV_BUCKET || undefined });
  process.stdout.write(`${JSON.stringify(server.env)}\n`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void server.close().then(() => process.exit(0)));
}
