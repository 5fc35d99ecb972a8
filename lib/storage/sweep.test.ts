import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCase } from '@/lib/cases/repository';
import { db } from '@/lib/db/client';
import { EXPORT_JOB, IMPORT_JOB } from '@/lib/jobs/handlers';
import { makeUser } from '@/lib/testing/factories';
import { keysInUse } from './sweep';
import { sweepDisk } from './sweep-disk';
import { EXPORT_CACHE_AGE_MS, sweepAgeFor } from './sweep-owned';

const HOUR = 3600_000;
const now = Date.now();
let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

function file(key: string, ageHours: number): string {
  const at = path.join(root, key);
  mkdirSync(path.dirname(at), { recursive: true });
  writeFileSync(at, 'x'.repeat(100));
  const when = new Date(now - ageHours * HOUR);
  utimesSync(at, when, when);
  return at;
}

describe('sweepDisk', () => {
  it('removes old temporary files, unnamed derived copies and superseded export volumes, and keeps named and young ones and what is not its own', async () => {
    root = mkdtempSync(path.join(tmpdir(), 'sweep-'));
    const crashed = file('.tmp/9f1c', 7);
    const uploading = file('.tmp/a2b3', 1);
    const named = file('cases/c1/evidence/e1', 100);
    const orphan = file('cases/c1/derived/d1-preview.jpg', 7);
    const fresh = file('cases/c1/evidence/e2', 1);
    const oldBundle = file('cases/c1/exports/f-old/volume-1.pdf', 30);
    const bundle = file('cases/c1/exports/f-new/volume-1.pdf', 30);
    const notOurs = file('notes/readme.txt', 1000);
    const inUse = new Set(['cases/c1/evidence/e1', 'cases/c1/exports/f-new/volume-1.pdf']);
    const report = await sweepDisk(root, { now, inUse: (key) => inUse.has(key), minAgeMs: sweepAgeFor });
    expect(report).toMatchObject({ temporary: 1, orphans: 2, bytes: 300 });
    expect(report.removed.sort()).toEqual(['.tmp/9f1c', 'cases/c1/derived/d1-preview.jpg', 'cases/c1/exports/f-old/volume-1.pdf']);
    expect([crashed, uploading, named, orphan, fresh, oldBundle, bundle, notOurs].map(existsSync)).toEqual([false, true, true, false, true, false, true, true]);
  });
});

describe('sweepAgeFor', () => {
  it('keeps cached exhibit pages a week, then lets the sweep take them like any unnamed file', async () => {
    root = mkdtempSync(path.join(tmpdir(), 'sweep-'));
    expect(sweepAgeFor('cases/c1/cache/exhibit-pages/ab12.pdf')).toBe(EXPORT_CACHE_AGE_MS);
    expect(sweepAgeFor('cases/c1/derived/d1-preview.jpg')).toBeLessThan(EXPORT_CACHE_AGE_MS);
    const recent = file('cases/c1/cache/exhibit-pages/ab12.pdf', 6 * 24);
    const stale = file('cases/c1/cache/exhibit-facts/cd34.json', 8 * 24);
    const report = await sweepDisk(root, { now, inUse: () => false, minAgeMs: sweepAgeFor });
    expect(report.removed).toEqual(['cases/c1/cache/exhibit-facts/cd34.json']);
    expect([recent, stale].map(existsSync)).toEqual([true, false]);
  });
});

describe('keysInUse', () => {
  it('names originals and derived copies, stored bundles, and the order files of imports still to run', async () => {
    const user = await makeUser();
    const { id: caseId } = await createCase(user.id, { title: 't', platform: 'tmall', appealDeadline: null });
    await db.evidence.create({ data: { caseId, storageKey: `cases/${caseId}/evidence/e1`, previewKey: `cases/${caseId}/derived/p1`, thumbnailKey: null, sha256: 'a'.repeat(64), size: 1, mime: 'text/plain', kind: 'text', originalName: 'a.txt', category: 'chat', title: 'a', uploadedBy: user.id } });
    await db.job.create({ data: { caseId, kind: EXPORT_JOB, status: 'done', result: JSON.stringify({ files: [{ key: `cases/${caseId}/exports/f/volume-1.pdf` }] }) } });
    await db.job.create({ data: { caseId, kind: EXPORT_JOB, status: 'failed', result: JSON.stringify({ files: [{ key: `cases/${caseId}/exports/old/volume-1.pdf` }] }) } });
    await db.job.create({ data: { caseId, kind: IMPORT_JOB, status: 'queued', input: JSON.stringify({ importId: 'i-queued' }) } });
    await db.job.create({ data: { caseId, kind: IMPORT_JOB, status: 'done', input: JSON.stringify({ importId: 'i-done' }) } });
    const keys = await keysInUse();
    for (const key of ['evidence/e1', 'derived/p1', 'exports/f/volume-1.pdf', 'imports/i-queued']) expect(keys.has(`cases/${caseId}/${key}`)).toBe(true);
    for (const key of ['exports/old/volume-1.pdf', 'imports/i-done']) expect(keys.has(`cases/${caseId}/${key}`)).toBe(false);
  });
});
