import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

const nextConfig: NextConfig = {
  // Native and WebAssembly modules are loaded by Node at run time, not bundled (subset-font finds
  // its HarfBuzz .wasm with require.resolve, which a bundle turns into a module number).
  serverExternalPackages: ['better-sqlite3', '@prisma/adapter-better-sqlite3', 'subset-font', 'sharp'],
  // Several builds side by side (parallel e2e runs while developing) each get their own folder.
  // `next build` then adds that folder's types to tsconfig.json's include: don't commit those lines.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  typedRoutes: false,
};

export default withNextIntl(nextConfig);
