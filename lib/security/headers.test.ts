import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import nextConfig from '@/next.config';
import { proxy } from '@/proxy';
import { API_CSP, commonSecurityHeaders, pageCsp } from './headers';

function directives(csp: string): Map<string, string> {
  return new Map(csp.split(';').map((part) => part.trim().split(/\s+/)).map(([name = '', ...values]) => [name, values.join(' ')]));
}

describe('pageCsp', () => {
  it('allows only nonce-marked scripts and forbids framing, plugins, base and foreign form targets', () => {
    const csp = directives(pageCsp({ nonce: 'abc123', https: false, dev: false }));
    expect(csp.get('script-src')).toBe("'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp.get('frame-ancestors')).toBe("'none'");
    expect(csp.get('object-src')).toBe("'none'");
    expect(csp.get('base-uri')).toBe("'self'");
    expect(csp.get('form-action')).toBe("'self'");
    expect(csp.get('default-src')).toBe("'self'");
    expect(csp.has('upgrade-insecure-requests')).toBe(false);
  });

  it('adds eval only in development and the https upgrade only under TLS', () => {
    expect(directives(pageCsp({ nonce: 'n', https: false, dev: true })).get('script-src')).toContain("'unsafe-eval'");
    expect(directives(pageCsp({ nonce: 'n', https: true, dev: false })).has('upgrade-insecure-requests')).toBe(true);
  });
});

describe('commonSecurityHeaders', () => {
  it('sends HSTS only when the app is served over TLS', () => {
    expect(commonSecurityHeaders({ https: false })).not.toHaveProperty('Strict-Transport-Security');
    expect(commonSecurityHeaders({ https: true })['Strict-Transport-Security']).toMatch(/^max-age=\d{8,}/);
  });
});

describe('next.config.ts headers for /api (outside the proxy)', () => {
  it('sandbox every API answer and send the common headers', async () => {
    const rules = (await nextConfig.headers?.()) ?? [];
    const api = rules.find((rule) => rule.source === '/api/:path*');
    const headers = Object.fromEntries((api?.headers ?? []).map(({ key, value }) => [key, value]));
    expect(headers).toMatchObject({ 'Content-Security-Policy': API_CSP, 'X-Content-Type-Options': 'nosniff', 'X-Frame-Options': 'DENY', 'Referrer-Policy': 'same-origin' });
    expect(API_CSP).toMatch(/(^|; )sandbox(;|$)/);
  });
});

describe('the proxy’s headers', () => {
  afterEach(() => vi.unstubAllEnvs());

  const get = (url: string) => proxy(new NextRequest(new URL(url, 'http://localhost:3000')));

  it('gives each page view its own nonce, in the response and in the request Next.js renders from', () => {
    const [first, second] = [get('/login'), get('/login')];
    const csp = first.headers.get('content-security-policy') ?? '';
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(second.headers.get('content-security-policy')).not.toBe(csp);
    // NextResponse.next({ request: { headers } }) carries request headers as x-middleware-request-*.
    expect(first.headers.get('x-middleware-request-content-security-policy')).toBe(csp);
  });

  it('sets the common headers on pages and redirects', () => {
    for (const response of [get('/register'), get('/cases')]) {
      expect(response.headers.get('referrer-policy')).toBe('same-origin');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('strict-transport-security')).toBeNull();
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    }
    expect(get('/cases').status).toBe(307);
  });

  it('adds HSTS once the configured public URL is https', () => {
    vi.stubEnv('BETTER_AUTH_URL', 'https://appeal.example.cn');
    expect(get('/login').headers.get('strict-transport-security')).toMatch(/^max-age=/);
  });
});
