import { describe, expect, it } from 'vitest';
import { forwardedFor, isTrustedProxy, parseTrustedProxies, trustForwarded } from './forwarded-for.mjs';
import type { IncomingMessage } from 'node:http';

const none = parseTrustedProxies('');
const local = parseTrustedProxies('127.0.0.1, ::1');

describe('parseTrustedProxies', () => {
  it('reads addresses and CIDR ranges of both families', () => {
    const trusted = parseTrustedProxies('10.0.0.0/8,fd00::/8,192.0.2.7');
    expect(isTrustedProxy(trusted, '10.20.30.40')).toBe(true);
    expect(isTrustedProxy(trusted, 'fd12::1')).toBe(true);
    expect(isTrustedProxy(trusted, '192.0.2.7')).toBe(true);
    expect(isTrustedProxy(trusted, '192.0.2.8')).toBe(false);
    expect(isTrustedProxy(trusted, 'not-an-ip')).toBe(false);
  });

  it.each(['localhost', '10.0.0.0/33', '10.0.0.0/8/1', '::1/abc', '300.1.1.1'])('refuses %j rather than trusting the wrong hosts', (entry) => {
    expect(() => parseTrustedProxies(entry)).toThrow(/TRUSTED_PROXIES/);
  });
});

describe('forwardedFor', () => {
  it('replaces whatever a direct client claims with its socket address', () => {
    expect(forwardedFor('198.51.100.7', '1.2.3.4', none)).toBe('198.51.100.7');
    expect(forwardedFor('::ffff:198.51.100.7', ['1.2.3.4', '5.6.7.8'], none)).toBe('198.51.100.7');
    // Without configuration even loopback is a direct client, not a proxy.
    expect(forwardedFor('127.0.0.1', '1.2.3.4', none)).toBe('127.0.0.1');
  });

  it('keeps a trusted proxy’s chain and appends the proxy, as a further hop would', () => {
    expect(forwardedFor('::ffff:127.0.0.1', '6.6.6.6, 198.51.100.7', local)).toBe('6.6.6.6, 198.51.100.7, 127.0.0.1');
    expect(forwardedFor('::1', undefined, local)).toBe('::1');
  });
});

describe('trustForwarded', () => {
  const request = (remoteAddress: string, headers: Record<string, string>) =>
    ({ socket: { remoteAddress }, headers: { ...headers } }) as unknown as IncomingMessage;

  it('drops host and scheme claims from a direct client', () => {
    const req = request('198.51.100.7', { 'x-forwarded-for': '1.2.3.4', 'x-forwarded-host': 'evil.example', 'x-real-ip': '1.2.3.4', host: 'app' });
    trustForwarded(req, none);
    expect(req.headers).toEqual({ 'x-forwarded-for': '198.51.100.7', host: 'app' });
  });

  it('keeps them from a trusted proxy', () => {
    const req = request('127.0.0.1', { 'x-forwarded-for': '198.51.100.7', 'x-forwarded-proto': 'https' });
    trustForwarded(req, local);
    expect(req.headers).toEqual({ 'x-forwarded-for': '198.51.100.7, 127.0.0.1', 'x-forwarded-proto': 'https' });
  });
});
