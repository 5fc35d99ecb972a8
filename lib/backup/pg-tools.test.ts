import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findPgTool, libpqConnection } from './pg-tools';

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

function tool(dir: string, name: string): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  writeFileSync(file, '#!/bin/sh\n');
  chmodSync(file, 0o755);
  return file;
}

describe('findPgTool', () => {
  it('takes PATH first, then the newest of Debian’s version folders, and says how to install it when missing', () => {
    root = mkdtempSync(path.join(tmpdir(), 'pg-tools-'));
    const debian = path.join(root, 'usr-lib-postgresql');
    tool(path.join(debian, '13', 'bin'), 'pg_dump');
    const newest = tool(path.join(debian, '15', 'bin'), 'pg_dump');
    expect(findPgTool('pg_dump', { PATH: path.join(root, 'nothing') }, debian)).toBe(newest);
    const onPath = tool(path.join(root, 'bin'), 'pg_dump');
    expect(findPgTool('pg_dump', { PATH: path.join(root, 'bin') }, debian)).toBe(onPath);
    expect(() => findPgTool('pg_restore', { PATH: path.join(root, 'bin') }, debian)).toThrow(/pg_restore was not found.*apt-get install postgresql-client/);
    expect(() => findPgTool('pg_dump', { PG_BIN_DIR: path.join(root, 'nothing'), PATH: path.join(root, 'bin') }, debian)).toThrow(/PG_BIN_DIR=/);
  });
});

describe('libpqConnection', () => {
  it('moves the password out of the command line and drops the parameters only Prisma knows', () => {
    root = mkdtempSync(path.join(tmpdir(), 'pg-tools-'));
    const { url, env } = libpqConnection('postgresql://appeal:p%40ss@db.example:5433/shop?schema=public&sslmode=require&connection_limit=5');
    expect(url).toBe('postgresql://appeal@db.example:5433/shop?sslmode=require');
    expect(env).toEqual({ PGPASSWORD: 'p@ss' });
  });
});
