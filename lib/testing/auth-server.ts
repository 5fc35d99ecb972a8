import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { toNodeHandler } from 'better-auth/node';
import { auth } from '@/lib/auth/server';
import { parseTrustedProxies, withTrustedForwarding } from '@/lib/net/forwarded-for.mjs';

type Served = { post: (path: string, body: unknown, headers?: Record<string, string>) => Promise<Response>; close: () => Promise<void> };

/**
 * The app's auth API on a loopback port, behind the same forwarded-header step as
 * server.mjs (or, with `trustedProxies: null`, without it, as Next.js alone would be).
 */
export async function serveAuth(trustedProxies: string | null): Promise<Served> {
  const handler = toNodeHandler(auth);
  const server = createServer(trustedProxies === null ? handler : withTrustedForwarding(handler, parseTrustedProxies(trustedProxies)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    post: (path, body, headers = {}) =>
      fetch(`${base}/api/auth${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
