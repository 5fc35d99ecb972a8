import { CreateMultipartUploadCommand, S3Client, UploadPartCommand } from '@aws-sdk/client-s3';
import { mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestS3, type TestS3 } from '@/lib/testing/s3-server';
import { S3Store } from './s3';
import { SAFE_AGE_MS, sweepAgeFor, SWEPT_PREFIXES } from './sweep-owned';
import { sweepBucket } from './sweep-s3';

const HOUR = 3600_000;
let dir: string;
let server: TestS3;
let client: S3Client;

beforeAll(async () => {
  // In this process and in a folder we know: the test ages objects and uploads by their files' times.
  dir = mkdtempSync(path.join(tmpdir(), 'sweep-s3-'));
  server = await startTestS3({ keepIn: dir });
  client = new S3Client({ endpoint: server.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
});
afterAll(async () => {
  client.destroy();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

function age(file: string, hours: number) {
  const when = new Date(Date.now() - hours * HOUR);
  utimesSync(file, when, when);
}

async function object(store: S3Store, key: string, ageHours: number) {
  await store.put(key, Buffer.alloc(100, 1));
  age(path.join(dir, server.bucket, `app/${key}._S3rver_object`), ageHours);
}

/** Begins a multipart upload and sends one part, as a process killed mid-upload leaves it. */
async function abandoned(fullKey: string, ageHours: number): Promise<string> {
  const { UploadId } = await client.send(new CreateMultipartUploadCommand({ Bucket: server.bucket, Key: fullKey }));
  await client.send(new UploadPartCommand({ Bucket: server.bucket, Key: fullKey, UploadId, PartNumber: 1, Body: Buffer.alloc(1024) }));
  age(path.join(dir, server.bucket, '._S3rver_uploads', UploadId ?? '', 'key'), ageHours);
  return UploadId ?? '';
}

describe('sweepBucket', () => {
  it('aborts old abandoned uploads, deletes unnamed old objects under its own prefixes, and keeps the rest', async () => {
    const store = new S3Store(client, server.bucket, 'app/');
    const old = await abandoned('app/cases/c1/evidence/e9', 7);
    const uploading = await abandoned('app/cases/c1/evidence/e10', 1);
    const otherApp = await abandoned('other-app/cases/c1/evidence/e1', 100);
    await object(store, 'cases/c1/evidence/e1', 100);
    await object(store, 'cases/c1/derived/d1-preview.jpg', 7);
    await object(store, 'cases/c1/evidence/e2', 1);
    await object(store, 'cases/c1/exports/f-old/volume-1.pdf', 30);
    await object(store, 'cases/c1/exports/f-new/volume-1.pdf', 30);
    await object(store, 'cases/c1/imports/i1', 30);
    await object(store, 'cases/c1/cache/exhibit-pages/a.pdf', 30);
    await object(store, 'cases/c1/cache/exhibit-pages/b.pdf', 24 * 8);
    await object(store, 'notes/readme.txt', 1000);
    const inUse = new Set(['cases/c1/evidence/e1', 'cases/c1/exports/f-new/volume-1.pdf']);

    const report = await sweepBucket(store, { now: Date.now(), inUse: (key) => inUse.has(key), minAgeMs: sweepAgeFor, uploadAgeMs: SAFE_AGE_MS, prefixes: SWEPT_PREFIXES });

    expect(report).toMatchObject({ temporary: 1, orphans: 3, bytes: 300 });
    expect(report.removed.filter((line) => !line.startsWith('upload ')).sort()).toEqual(['cases/c1/cache/exhibit-pages/b.pdf', 'cases/c1/derived/d1-preview.jpg', 'cases/c1/exports/f-old/volume-1.pdf']);
    const pending = [];
    for await (const upload of store.pendingUploads()) pending.push(upload.uploadId);
    expect(pending).toEqual([uploading]);
    expect(pending).not.toContain(old);
    const all = [];
    for await (const upload of new S3Store(client, server.bucket).pendingUploads()) all.push(upload.uploadId);
    expect(all.sort()).toEqual([otherApp, uploading].sort());
    expect((await store.list('cases/')).sort()).toEqual(['cases/c1/cache/exhibit-pages/a.pdf', 'cases/c1/evidence/e1', 'cases/c1/evidence/e2', 'cases/c1/exports/f-new/volume-1.pdf', 'cases/c1/imports/i1']);
    expect(await store.list('notes/')).toEqual(['notes/readme.txt']);
  });
});

describe('sweepAgeFor', () => {
  it('owns temporary files, case files (order files wait two days) and a case’s cached pages (a week), and nothing else', () => {
    expect(sweepAgeFor('.tmp/abc')).toBe(SAFE_AGE_MS);
    expect(sweepAgeFor('cases/c1/evidence/e1')).toBe(SAFE_AGE_MS);
    expect(sweepAgeFor('cases/c1/imports/i1')).toBe(48 * HOUR);
    expect(sweepAgeFor('cases/c1/cache/exhibit-pages/x.pdf')).toBe(7 * 24 * HOUR);
    expect(sweepAgeFor('cache/exhibit-pages/x.pdf')).toBeNull();
    expect(sweepAgeFor('notes/readme.txt')).toBeNull();
    expect(sweepAgeFor('casesx/c1')).toBeNull();
  });
});
