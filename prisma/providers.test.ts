import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseProvider, databaseUrl } from '@/lib/db/data-dir.mjs';
import { createDatabase, describeTables, runScript, withDatabase } from './tools/postgres-admin.mjs';
import { derivePostgresSchema, lockContent, PROVIDERS, root } from './tools/providers.mjs';
import { NO_EXTERNAL, openSchemaEngine } from './tools/schema-engine.mjs';

const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const migrationNames = (folder: string) =>
  readdirSync(path.join(root, folder), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

describe('the PostgreSQL schema and migrations derived from prisma/schema.prisma', () => {
  it('are committed as the derivation writes them today (run npm run db:generate)', () => {
    expect(read(PROVIDERS.postgresql.schema)).toBe(derivePostgresSchema(read(PROVIDERS.sqlite.schema)));
    expect(read(`${PROVIDERS.postgresql.migrations}/migration_lock.toml`)).toBe(lockContent('postgresql'));
  });

  it('have a PostgreSQL twin of every SQLite migration newer than the baseline (npm run db:migration:new writes both)', () => {
    const postgres = migrationNames(PROVIDERS.postgresql.migrations);
    const baseline = postgres[0] ?? '';
    expect(baseline).toMatch(/_postgresql_baseline$/);
    const newer = migrationNames(PROVIDERS.sqlite.migrations).filter((name) => name > baseline);
    expect(newer.filter((name) => !postgres.includes(name))).toEqual([]);
  });

  it('refuses a schema the swap cannot carry over', () => {
    expect(() => derivePostgresSchema('datasource db {\n  provider = "mysql"\n}')).toThrow(/no longer matches/);
    expect(() => derivePostgresSchema(read(PROVIDERS.sqlite.schema).replace('String @id', 'String @id @db.Text'))).toThrow(/native type/);
  });
});

// The test run's database was migrated by lib/testing/global-setup.ts from the committed folder
// of its provider (SQLite by default, PostgreSQL with TEST_DATABASE_URL): what those migrations
// built must be exactly what the provider's schema describes.
describe(`the ${databaseProvider()} migrations applied to the test database`, () => {
  it('leave nothing to migrate against the schema', async () => {
    const { schema } = PROVIDERS[databaseProvider()];
    const files = [{ path: schema, content: read(schema) }];
    const { engine, close } = await openSchemaEngine({ provider: databaseProvider(), url: databaseUrl(), schemaPath: schema, schemaText: files[0]!.content });
    try {
      const diff = (from: Parameters<typeof engine.diff>[0]['from']) =>
        engine.diff({ from, to: { tag: 'schemaDatamodel', files }, script: true, exitCode: null, filters: NO_EXTERNAL });
      if (databaseProvider() === 'sqlite') {
        const { stdout } = await diff({ tag: 'schemaDatasource', files, configDir: path.join(root, 'prisma') });
        expect(stdout ?? '').toContain('This is an empty migration');
        return;
      }
      // The wasm engine cannot read a PostgreSQL database's own structure through the driver
      // adapter ("Column type 'char' could not be deserialized"): build a second database
      // straight from the schema and compare the two catalogs instead.
      const { stdout } = await diff({ tag: 'empty' });
      const scratch = `${new URL(databaseUrl()).pathname.slice(1)}_schema`;
      await createDatabase(databaseUrl(), scratch);
      try {
        await runScript(withDatabase(databaseUrl(), scratch), stdout ?? '');
        const migrated = await describeTables(databaseUrl());
        expect(migrated.length).toBeGreaterThan(100);
        expect(migrated).toEqual(await describeTables(withDatabase(databaseUrl(), scratch)));
      } finally {
        await createDatabase(databaseUrl(), scratch, { drop: true });
      }
    } finally {
      await close();
    }
  }, 60_000);
});
