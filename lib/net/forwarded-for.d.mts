// Hand-written types for forwarded-for.mjs (plain JS so server.mjs can import it).
import type { BlockList } from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';

export type TrustedProxies = { entries: string[]; list: BlockList };

/** Parses TRUSTED_PROXIES (comma-separated addresses or CIDR ranges); throws on a malformed entry. */
export function parseTrustedProxies(value?: string): TrustedProxies;

/** `::ffff:127.0.0.1` (an IPv4 client on a dual-stack socket) reads as `127.0.0.1`. */
export function plainAddress(address: string): string;

export function isTrustedProxy(trusted: TrustedProxies, address: string): boolean;

/** The X-Forwarded-For value the app should see for a request from `peer`. */
export function forwardedFor(peer: string, header: string | string[] | undefined, trusted: TrustedProxies): string;

/** Rewrites a Node request's forwarded headers in place, before Next.js reads them. */
export function trustForwarded(req: IncomingMessage, trusted: TrustedProxies): void;

/** Wraps a Node request handler so every request reaches it with trustworthy forwarded headers. */
export function withTrustedForwarding<R>(
  handler: (req: IncomingMessage, res: ServerResponse) => R,
  trusted: TrustedProxies,
): (req: IncomingMessage, res: ServerResponse) => R;
