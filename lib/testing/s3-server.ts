import { mkdtempSync, rmSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';

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
 * an aborted upload left nothing). Both work on the folder s3rver keeps its parts in.
 */
export async function startTestS3({ bucket = 'appeal-pack-test', port = 0, prefix = 'app' } = {}): Promise<TestS3> {
  const directory = mkdtempSync(path.join(os.tmpdir(), 's3rver-'));
  const server = new S3rver({ address: '127.0.0.1', port, silent: true, directory, configureBuckets: [{ name: bucket }], vhostBuckets: false });
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
      const uploads = await Promise.all(ids.map(async (id) => `<Upload><Key>${escapeXml(await readFile(path.join(uploadsDir(name), id, 'key'), 'utf8'))}</Key><UploadId>${id}</UploadId></Upload>`));
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
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
