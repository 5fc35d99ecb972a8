import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { API_CSP, commonSecurityHeaders } from './lib/security/headers';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

const nextConfig: NextConfig = {
  // Native and WebAssembly modules are loaded by Node at run time, not bundled (a bundle turns a
  // .wasm found with require.resolve into a module number; lib/pdf/subset.ts reads HarfBuzz's by path).
  serverExternalPackages: ['better-sqlite3', '@prisma/adapter-better-sqlite3', '@prisma/adapter-pg', 'pg', 'pg-boss', 'sharp', 'libheif-js', '@hyzyla/pdfium', '@neslinesli93/qpdf-wasm'],
  // Several builds side by side (parallel e2e runs while developing) each get their own folder.
  // `next build` then adds that folder's types to tsconfig.json's include: don't commit those lines.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  typedRoutes: false,
  // Pages get theirs from proxy.ts (with a nonce); API answers, which the proxy does not see,
  // from here. No HSTS here: this list is fixed at build time, and browsers learn it from pages.
  async headers() {
    const headers = { ...commonSecurityHeaders({ https: false }), 'Content-Security-Policy': API_CSP };
    return [{ source: '/api/:path*', headers: Object.entries(headers).map(([key, value]) => ({ key, value })) }];
  },
};

export default withNextIntl(nextConfig);
