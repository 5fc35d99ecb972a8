import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';

const MIGRATIONS = path.join(import.meta.dirname, 'migrations');
const QUOTAS = '20261201195300_quotas';
let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A database migrated up to (not including) the quotas migration, as an existing install has it. */
function databaseBeforeQuotas() {
  dir = mkdtempSync(path.join(os.tmpdir(), 'quota-migration-'));
  const db = new Database(path.join(dir, 'app.db'));
  for (const name of readdirSync(MIGRATIONS).filter((n) => /^\d+_/.test(n)).sort()) {
    if (name >= QUOTAS) break;
    db.exec(readFileSync(path.join(MIGRATIONS, name, 'migration.sql'), 'utf8'));
  }
  return db;
}

describe('the quotas migration', () => {
  it('backfills each case and account from the evidence already stored', () => {
    const db = databaseBeforeQuotas();
    const now = Date.now();
    const user = db.prepare(`INSERT INTO "user" ("id", "name", "email", "createdAt", "updatedAt") VALUES (?, 'x', ?, ?, ?)`);
    user.run('u1', 'u1@test.invalid', now, now);
    user.run('u2', 'u2@test.invalid', now, now);
    const kase = db.prepare(`INSERT INTO "Case" ("id", "userId", "title", "platform", "updatedAt") VALUES (?, ?, 't', 'tmall', ?)`);
    for (const [id, owner] of [['a', 'u1'], ['b', 'u1'], ['c', 'u1'], ['d', 'u2']]) kase.run(id, owner, now);
    const evidence = db.prepare(`INSERT INTO "Evidence" ("id", "caseId", "storageKey", "sha256", "size", "mime", "kind", "originalName", "uploadedBy", "category") VALUES (?, ?, ?, ?, ?, 'text/plain', 'text', 'f.txt', 'u1', 'chat')`);
    evidence.run('e1', 'a', 'k1', 's1', 1000);
    evidence.run('e2', 'a', 'k2', 's2', 2500);
    evidence.run('e3', 'b', 'k3', 's3', 7);

    db.exec(readFileSync(path.join(MIGRATIONS, QUOTAS, 'migration.sql'), 'utf8'));
    expect(db.prepare(`SELECT "id", "storedBytes" FROM "Case" ORDER BY "id"`).all()).toEqual([
      { id: 'a', storedBytes: 3500 },
      { id: 'b', storedBytes: 7 },
      { id: 'c', storedBytes: 0 },
      { id: 'd', storedBytes: 0 },
    ]);
    expect(db.prepare(`SELECT * FROM "AccountUsage" ORDER BY "userId"`).all()).toEqual([
      { userId: 'u1', storedBytes: 3507, caseCount: 3 },
      { userId: 'u2', storedBytes: 0, caseCount: 1 },
    ]);
    db.close();
  });
});
