// Prisma CLI configuration. Prisma 7 reads the database URL from here, not from
// schema.prisma. Day to day the project's own scripts run instead of the native CLI
// (prisma/tools/generate.mjs and migrate.mjs: this machine cannot download Prisma's
// native schema engine); this file keeps the standard layout valid, so that
// `prisma migrate deploy` works unchanged wherever the native engine is available.
import { defineConfig } from 'prisma/config';
import { databaseProvider, databaseUrl } from './lib/db/data-dir.mjs';
import { PROVIDERS } from './prisma/tools/providers.mjs';

// DATABASE_URL picks the provider, and with it the schema and migrations folder.
const { schema, migrations } = PROVIDERS[databaseProvider()];

export default defineConfig({
  schema,
  migrations: { path: migrations },
  datasource: { url: databaseUrl() },
});
