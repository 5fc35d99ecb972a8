import path from 'node:path';
import { unstable_doesMiddlewareMatch } from 'next/experimental/testing/server';
import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { routeUrl, writeRoutes } from '@/lib/testing/route-scan';
import { config, proxy } from '@/proxy';

/*
 * Every handler that can change state must refuse a foreign origin before it runs. The routes are
 * read from the file system, so a route added tomorrow is checked without anyone listing it here.
 */
const APP_DIR = path.resolve(import.meta.dirname, '../../app');
const APP_URL = 'http://localhost:3000';

const writes = writeRoutes(APP_DIR).map((route) => ({ ...route, url: routeUrl(route) }));

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function callRoute(file: string, method: string, url: string, headers: Record<string, string>): Promise<Response> {
  const mod = (await import(path.join(APP_DIR, file))) as Record<string, Handler>;
  const handler = mod[method];
  if (!handler) throw new Error(`${file} exports no ${method}`);
  const request = new Request(new URL(url, APP_URL), { method, headers, body: '{}' });
  return handler(request, { params: Promise.resolve({ caseId: 'id1', evidenceId: 'id1', importId: 'id1', all: ['a', 'b'] } as unknown as Record<string, string>) });
}

describe('every state-changing route handler', () => {
  it('is found by the scan (the scan itself works)', () => {
    expect(writes.map((w) => `${w.method} ${w.url}`)).toEqual(
      expect.arrayContaining(['POST /api/cases/id1/evidence', 'POST /api/cases/id1/order-imports', 'POST /api/auth/a/b']),
    );
  });

  it.each(writes)('$method $file refuses another site and another origin of the same site before doing anything', async ({ file, method, url }) => {
    const forgeries: Record<string, string>[] = [
      { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example', cookie: 'better-auth.session_token=x' },
      { 'sec-fetch-site': 'same-site', origin: 'http://localhost:4000' },
      { origin: 'http://localhost:4000' },
    ];
    for (const headers of forgeries) {
      // Unwrapped, the handler would read the session first: outside a request that throws.
      const response = await callRoute(file, method, url, headers);
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ ok: false, error: 'crossOrigin' });
    }
  });
});

describe('the proxy', () => {
  const send = (url: string, method: string, headers: Record<string, string>) => proxy(new NextRequest(new URL(url, APP_URL), { method, headers }));

  it('refuses a server action posted to a page from another origin, and lets the app’s own through', async () => {
    expect(unstable_doesMiddlewareMatch({ config, url: '/cases/id1/basics' })).toBe(true);
    expect((await send('/cases/id1/basics', 'POST', { 'sec-fetch-site': 'cross-site', 'next-action': 'abc' })).status).toBe(403);
    expect((await send('/', 'POST', { origin: 'http://localhost:4000' })).status).toBe(403);
    const own = await send('/cases/id1/basics', 'POST', { 'sec-fetch-site': 'same-origin', cookie: 'better-auth.session_token=x' });
    expect(own.headers.get('x-middleware-next')).toBe('1');
  });

  it('runs on every page and stays off /api (whose bodies it would copy) and the static files', () => {
    for (const url of ['/', '/login', '/register', '/cases', '/cases/id1/evidence', '/robots.txt', '/apiary']) {
      expect(unstable_doesMiddlewareMatch({ config, url }), url).toBe(true);
    }
    for (const url of ['/api/cases/id1/evidence', '/api/auth/sign-in/email', '/_next/static/chunks/main.js']) {
      expect(unstable_doesMiddlewareMatch({ config, url }), url).toBe(false);
    }
  });
});
