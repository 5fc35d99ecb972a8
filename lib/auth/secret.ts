import 'server-only';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { db } from '@/lib/db/client';
import { dataDir } from '@/lib/db/data-dir.mjs';

const SECRET_FILE = 'auth-secret';

function secretFile(): string {
  return path.join(dataDir(), SECRET_FILE);
}

function readSecretFile(): string | null {
  try {
    return readFileSync(secretFile(), 'utf8').trim() || null;
  } catch {
    return null;
  }
}

/**
 * The key that signs session cookies and known-device tokens: BETTER_AUTH_SECRET, which
 * loadAuthSecret() sets at start-up from the database when the operator did not. The data-folder
 * file below is only a fallback for code that runs before start-up finished; loadAuthSecret seeds
 * the database from that same file, so one process never sees two keys.
 */
export function authSecret(): string {
  const fromEnv = process.env.BETTER_AUTH_SECRET;
  if (fromEnv) return fromEnv;
  const kept = readSecretFile();
  if (kept) return kept;
  mkdirSync(path.dirname(secretFile()), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  // 'wx' fails if another process won the race; then read the winner's secret.
  try {
    writeFileSync(secretFile(), secret, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch {
    return readSecretFile() ?? secret;
  }
}

/**
 * Makes every app instance sign with one key without anyone having to invent a secret: the first
 * instance to start writes one into the shared database (INSERT … ON CONFLICT DO NOTHING, so two
 * starting at once cannot each keep their own) and every instance reads back the winner. An
 * install that already kept a key in its data folder offers that one, so nobody is signed out.
 * A BETTER_AUTH_SECRET set by the operator always wins and is never stored.
 */
export async function loadAuthSecret(): Promise<string> {
  const fromEnv = process.env.BETTER_AUTH_SECRET;
  if (fromEnv) return fromEnv;
  const offered = readSecretFile() ?? randomBytes(32).toString('base64url');
  await db.$executeRaw`INSERT INTO "AppSecret" ("name", "value") VALUES ('auth', ${offered}) ON CONFLICT ("name") DO NOTHING`;
  const row = await db.appSecret.findUniqueOrThrow({ where: { name: 'auth' }, select: { value: true } });
  process.env.BETTER_AUTH_SECRET = row.value;
  return row.value;
}
