import { describe, expect, it } from 'vitest';
import { checkWriteOrigin } from './origin';

const APP = ['https://appeal.example.cn'];

function request(method: string, headers: Record<string, string>) {
  return { method, headers: new Headers(headers) };
}

describe('checkWriteOrigin', () => {
  it('lets reads through whatever their origin', () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS', 'get']) {
      expect(checkWriteOrigin(request(method, { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' }), APP)).toEqual({ allowed: true });
    }
  });

  it('trusts the browser’s Sec-Fetch-Site for writes: same-origin and user-initiated pass', () => {
    expect(checkWriteOrigin(request('POST', { 'sec-fetch-site': 'same-origin' }), APP).allowed).toBe(true);
    expect(checkWriteOrigin(request('POST', { 'sec-fetch-site': 'none' }), APP).allowed).toBe(true);
  });

  it('refuses a write started by another site or by another origin of the same site', () => {
    expect(checkWriteOrigin(request('POST', { 'sec-fetch-site': 'cross-site' }), APP)).toEqual({ allowed: false, reason: 'crossSite' });
    expect(checkWriteOrigin(request('DELETE', { 'sec-fetch-site': 'same-site' }), APP)).toEqual({ allowed: false, reason: 'sameSite' });
    expect(checkWriteOrigin(request('PUT', { 'sec-fetch-site': 'Same-Site ' }), APP).allowed).toBe(false);
  });

  it('lets Sec-Fetch-Site decide over a matching Origin, which a page could not make differ anyway', () => {
    const headers = { 'sec-fetch-site': 'same-site', origin: 'https://appeal.example.cn' };
    expect(checkWriteOrigin(request('POST', headers), APP).allowed).toBe(false);
  });

  it('without Fetch Metadata, accepts only the app’s own Origin', () => {
    expect(checkWriteOrigin(request('POST', { origin: 'https://appeal.example.cn' }), APP).allowed).toBe(true);
    expect(checkWriteOrigin(request('POST', { origin: 'https://appeal.example.cn:443' }), APP).allowed).toBe(true);
    expect(checkWriteOrigin(request('PATCH', { origin: 'https://evil.example' }), APP)).toEqual({ allowed: false, reason: 'foreignOrigin' });
    // Another port is another origin, though the same site.
    expect(checkWriteOrigin(request('POST', { origin: 'https://appeal.example.cn:8443' }), APP).allowed).toBe(false);
    // The scheme counts too: a plain-http page could be injected into by anyone on the network.
    expect(checkWriteOrigin(request('POST', { origin: 'http://appeal.example.cn' }), APP).allowed).toBe(false);
  });

  it('accepts an Origin matching the request’s own Host, for an app reached at an address not configured', () => {
    expect(checkWriteOrigin(request('POST', { origin: 'http://10.0.0.5:3000', host: '10.0.0.5:3000' }), APP).allowed).toBe(true);
    expect(checkWriteOrigin(request('POST', { origin: 'http://10.0.0.6:3000', host: '10.0.0.5:3000' }), APP).allowed).toBe(false);
  });

  it('refuses the opaque "null" origin and anything that is not an http(s) origin', () => {
    for (const origin of ['null', '', 'file://', 'chrome-extension://abc', 'not a url']) {
      expect(checkWriteOrigin(request('POST', { origin, host: 'appeal.example.cn' }), APP).allowed, origin).toBe(false);
    }
  });

  it('lets a caller that is not a browser (no Fetch Metadata, no Origin) through: it has no ambient cookie', () => {
    expect(checkWriteOrigin(request('POST', {}), APP).allowed).toBe(true);
  });
});
