import path from 'node:path';
import { unstable_doesMiddlewareMatch } from 'next/experimental/testing/server';
import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { routeUrl, writeRoutes } from '@/lib/testing/route-scan';
import { config, proxy } from '@/proxy';

/*
 * Every route handler that can change state must be behind the origin check in proxy.ts. The
 * routes are read from the file system, so a route added tomorrow is checked without anyone
 * remembering to list it here.
 */
const APP_DIR = path.resolve(import.meta.dirname, '../../app');
const APP_URL = 'http://localhost:3000';

const writes = writeRoutes(APP_DIR).map((route) => ({ ...route, url: routeUrl(route) }));

function send(url: string, method: string, headers: Record<string, string>) {
  return proxy(new NextRequest(new URL(url, APP_URL), { method, headers }));
}

describe('every state-changing route handler', () => {
  it('is found by the scan (the scan itself works)', () => {
    expect(writes.map((w) => `${w.method} ${w.url}`)).toEqual(
      expect.arrayContaining(['POST /api/cases/id1/evidence', 'POST /api/cases/id1/order-imports', 'POST /api/auth/a/b']),
    );
  });

  it.each(writes)('$method $file runs behind the proxy', ({ url }) => {
    expect(unstable_doesMiddlewareMatch({ config, url })).toBe(true);
  });

  it.each(writes)('$method $file refuses another site and another origin of the same site', async ({ url, method }) => {
    const crossSite = await send(url, method, { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example', cookie: 'x=1' });
    expect(crossSite.status).toBe(403);
    expect(await crossSite.json()).toEqual({ ok: false, error: 'crossOrigin' });
    expect((await send(url, method, { 'sec-fetch-site': 'same-site', origin: 'http://localhost:4000' })).status).toBe(403);
    expect((await send(url, method, { origin: 'http://localhost:4000' })).status).toBe(403);
  });

  it.each(writes)('$method $file lets the app’s own pages through', async ({ url, method }) => {
    const own = await send(url, method, { 'sec-fetch-site': 'same-origin', origin: APP_URL, cookie: 'better-auth.session_token=x' });
    expect(own.headers.get('x-middleware-next')).toBe('1');
  });
});

describe('the proxy', () => {
  it('also refuses a server action posted to a page from another origin', async () => {
    expect(unstable_doesMiddlewareMatch({ config, url: '/cases/id1/basics' })).toBe(true);
    const response = await send('/cases/id1/basics', 'POST', { 'sec-fetch-site': 'cross-site', 'next-action': 'abc' });
    expect(response.status).toBe(403);
  });

  it('leaves the build’s static files alone and runs on everything else', () => {
    expect(unstable_doesMiddlewareMatch({ config, url: '/_next/static/chunks/main.js' })).toBe(false);
    for (const url of ['/', '/login', '/register', '/cases', '/api/cases/id1/export', '/robots.txt']) {
      expect(unstable_doesMiddlewareMatch({ config, url }), url).toBe(true);
    }
  });
});
