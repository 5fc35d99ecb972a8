import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backup } from './backup';
import { manifestSchema } from './manifest';
import { restore } from './restore';

const sha = (bytes: string | Buffer) => createHash('sha256').update(bytes).digest('hex');
let root: string;
let dataDir: string;
let databaseFile: string;
let writer: Database.Database;

/** A data folder as the app keeps it: the database in WAL mode (a writer still open), stored files, an unfinished upload, the auth secret. */
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'backup-test-'));
  dataDir = path.join(root, 'data');
  databaseFile = path.join(dataDir, 'app.db');
  mkdirSync(path.join(dataDir, 'files/cases/c1/originals'), { recursive: true });
  mkdirSync(path.join(dataDir, 'files/.tmp'), { recursive: true });
  writer = new Database(databaseFile);
  writer.pragma('journal_mode = WAL');
  writer.pragma('wal_autocheckpoint = 0');
  writer.exec('CREATE TABLE Evidence (id TEXT PRIMARY KEY, storageKey TEXT NOT NULL, previewKey TEXT, thumbnailKey TEXT, sha256 TEXT NOT NULL)');
  const stored: Array<[id: string, content: string]> = [['e1', '发票原件'], ['e2', 'chat log']];
  for (const [id, content] of stored) {
    writeFileSync(path.join(dataDir, `files/cases/c1/originals/${id}`), content);
    writer.prepare('INSERT INTO Evidence VALUES (?, ?, NULL, NULL, ?)').run(id, `cases/c1/originals/${id}`, sha(content));
  }
  writeFileSync(path.join(dataDir, 'files/.tmp/half-written'), 'x'.repeat(1000));
  writeFileSync(path.join(dataDir, 'auth-secret'), 'secret');
});
afterEach(() => {
  writer.close();
  rmSync(root, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('snapshots the database with what is still in the WAL, copies the files with their hashes, and restores them verified', async () => {
    const out = path.join(root, 'backup');
    const done = await backup({ dataDir, databaseFile }, out);
    expect(done).toMatchObject({ files: 3, missing: [], rounds: 1 });
    const manifest = manifestSchema.parse(JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')));
    expect(manifest.files.map((f) => f.path)).toEqual(['auth-secret', 'files/cases/c1/originals/e1', 'files/cases/c1/originals/e2']);
    expect(manifest.files[1]?.sha256).toBe(sha('发票原件'));

    const restored = { dataDir: path.join(root, 'restored'), databaseFile: path.join(root, 'restored', 'app.db') };
    expect(await restore(out, restored)).toMatchObject({ files: 3, originalsVerified: 2, missing: [] });
    expect(readFileSync(path.join(restored.dataDir, 'files/cases/c1/originals/e1'), 'utf8')).toBe('发票原件');
    const db = new Database(restored.databaseFile, { readonly: true });
    // The rows were only in the WAL: a copy of app.db alone would have lost them.
    expect(db.prepare('SELECT count(*) AS n FROM Evidence').get()).toEqual({ n: 2 });
    db.close();
  });

  it('lists a stored file the database names but the folder lacks, and restores the rest', async () => {
    writer.prepare('INSERT INTO Evidence VALUES (?, ?, NULL, NULL, ?)').run('e3', 'cases/c1/originals/gone', sha('gone'));
    const out = path.join(root, 'backup');
    const done = await backup({ dataDir, databaseFile }, out);
    expect(done.missing).toEqual(['files/cases/c1/originals/gone']);
    expect(done.rounds).toBe(3);
    const restored = { dataDir: path.join(root, 'restored'), databaseFile: path.join(root, 'restored', 'app.db') };
    expect(await restore(out, restored)).toMatchObject({ originalsVerified: 2, missing: ['files/cases/c1/originals/gone'] });
  });

  it('refuses a damaged backup, naming the file, and never restores over existing data', async () => {
    const out = path.join(root, 'backup');
    await backup({ dataDir, databaseFile }, out);
    await expect(restore(out, { dataDir, databaseFile })).rejects.toThrow(/not empty/);
    writeFileSync(path.join(out, 'data/files/cases/c1/originals/e2'), 'chat lo9');
    const restored = { dataDir: path.join(root, 'restored'), databaseFile: path.join(root, 'restored', 'app.db') };
    await expect(restore(out, restored)).rejects.toThrow(/files\/cases\/c1\/originals\/e2: its bytes differ/);
  });

  it('refuses a manifest that points outside the data folder, and a backup into a folder in use', async () => {
    const out = path.join(root, 'backup');
    await backup({ dataDir, databaseFile }, out);
    await expect(backup({ dataDir, databaseFile }, out)).rejects.toThrow(/not empty/);
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    manifest.files[0].path = '../outside';
    writeFileSync(path.join(out, 'manifest.json'), JSON.stringify(manifest));
    await expect(restore(out, { dataDir: path.join(root, 'r2'), databaseFile: path.join(root, 'r2', 'app.db') })).rejects.toThrow(/outside the data folder/);
  });
});
