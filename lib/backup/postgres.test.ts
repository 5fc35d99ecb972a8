import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase } from '@/lib/cases/repository';
import { db } from '@/lib/db/client';
import { blobStore } from '@/lib/storage';
import { S3Store } from '@/lib/storage/s3';
import { spawnTestS3 } from '@/lib/testing/s3-child';
import type { TestS3 } from '@/lib/testing/s3-server';
import { makeUser } from '@/lib/testing/factories';
import { createDatabase, withDatabase } from '@/prisma/tools/postgres-admin.mjs';
import { backupPostgres } from './postgres';
import { restorePostgres } from './postgres-restore';

// The PostgreSQL pass only (TEST_DATABASE_URL, see vitest.config.ts): pg_dump needs a server.
const base = process.env.TEST_DATABASE_URL ?? '';
const sha = (bytes: string) => createHash('sha256').update(bytes).digest('hex');
let root: string;
let s3: TestS3;
let client: S3Client;
const databases: string[] = [];

async function freshDatabase(): Promise<string> {
  const name = `restore_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  await createDatabase(base, name);
  databases.push(name);
  return withDatabase(base, name);
}

/** Each table's rows that name this test's case or user (or are them), in a stable order: what "the same data" means here. */
async function rowsOf(url: string, ids: string[]): Promise<Record<string, unknown[]>> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows: tables } = await c.query<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1");
    const out: Record<string, unknown[]> = {};
    // Other test files write to the source database while this one runs: only this test's rows are compared.
    for (const { name } of tables) {
      const rows = (await c.query(`SELECT * FROM "${name}"`)).rows.filter((row) => ids.some((id) => JSON.stringify(row).includes(id)));
      // Sorted on the whole row: a join table's first column ties (EvidenceOrder), and ties come back in any order.
      out[name] = rows.map((row) => [JSON.stringify(row), row] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
    }
    return out;
  } finally {
    await c.end();
  }
}

async function countOf(url: string, table: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return Number((await c.query(`SELECT count(*) AS n FROM "${table}"`)).rows[0].n);
  } finally {
    await c.end();
  }
}

describe.skipIf(!base)('backup and restore on PostgreSQL', () => {
  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'pg-backup-'));
    s3 = await spawnTestS3();
    client = new S3Client({ endpoint: s3.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
  });
  afterAll(async () => {
    client?.destroy();
    await s3?.close();
    for (const name of databases) await createDatabase(base, name, { drop: true });
    rmSync(root, { recursive: true, force: true });
  });

  it('dumps a snapshot and the stored files, and restores them into a fresh database and a bucket with every hash verified', async () => {
    const user = await makeUser();
    const { id: caseId } = await createCase(user.id, { title: '刷单申诉', platform: 'tmall', appealDeadline: null });
    const key = `cases/${caseId}/evidence/${randomUUID()}`;
    await blobStore().put(key, Buffer.from('发票原件'));
    await db.evidence.create({ data: { caseId, storageKey: key, previewKey: null, thumbnailKey: null, sha256: sha('发票原件'), size: 12, mime: 'text/plain', kind: 'text', originalName: '发票.txt', category: 'invoice', title: '发票', uploadedBy: user.id } });
    // The app's own store holds the files; the data folder here holds only the auth secret.
    const source = { databaseUrl: process.env.DATABASE_URL ?? '', dataDir: path.join(root, 'source-data'), store: blobStore() };
    mkdirSync(source.dataDir);
    writeFileSync(path.join(source.dataDir, 'auth-secret'), 'secret');

    const out = path.join(root, 'backup');
    const done = await backupPostgres(source, out);
    expect(done.files).toBeGreaterThanOrEqual(2);

    const target = { databaseUrl: await freshDatabase(), dataDir: path.join(root, 'restored'), store: new S3Store(client, s3.bucket, 'restored/') };
    const restored = await restorePostgres(out, target);
    // Every evidence row of the snapshot (counted in the restored copy: the source has moved on since) had its file.
    expect(restored.originalsVerified).toBe((await countOf(target.databaseUrl, 'Evidence')) - restored.missing.length);
    expect(restored.originalsVerified).toBeGreaterThanOrEqual(1);
    const mine = await rowsOf(target.databaseUrl, [user.id, caseId]);
    expect(mine).toEqual(await rowsOf(source.databaseUrl, [user.id, caseId]));
    expect(mine.Evidence).toHaveLength(1);
    const body = await target.store.get(key);
    expect(Buffer.concat(await (body?.toArray() ?? [])).toString()).toBe('发票原件');

    // Into the same places again: refused before anything is written.
    await expect(restorePostgres(out, { ...target, dataDir: path.join(root, 'r2') })).rejects.toThrow(/empty store/);
    // A damaged file stops the restore, naming it.
    writeFileSync(path.join(out, 'data', 'files', key), '发票原件!');
    const damaged = { databaseUrl: await freshDatabase(), dataDir: path.join(root, 'r3'), store: new S3Store(client, s3.bucket, 'r3/') };
    await expect(restorePostgres(out, damaged)).rejects.toThrow(new RegExp(`files/${key}: its bytes differ`));
  });
});
