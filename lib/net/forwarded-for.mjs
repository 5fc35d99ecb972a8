// Which client address a request carries into the app. Plain JS so server.mjs can
// import it with bare `node`.
//
// Next.js gives route handlers no socket: it only fills X-Forwarded-For from the socket
// when the request has none (base-server.js, `??=`), so a header a client made up reaches
// better-auth's per-address rate limit unchanged. The server in front of Next therefore
// rewrites the header before Next sees it: from a configured proxy the chain is kept and
// the proxy's own address appended (as any proxy would), from anyone else the header is
// replaced by the socket address. Readers then take the right-most address that is not a
// trusted proxy, which nobody outside the trusted hops can choose.
import { BlockList, isIP } from 'node:net';

const FORWARDED_HEADERS = ['x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'x-real-ip', 'forwarded'];

/** Parses TRUSTED_PROXIES (comma-separated addresses or CIDR ranges); throws on a malformed entry. */
export function parseTrustedProxies(value = '') {
  const list = new BlockList();
  const entries = value.split(',').map((entry) => entry.trim()).filter(Boolean);
  for (const entry of entries) {
    const [address = '', prefix, extra] = entry.split('/');
    const family = isIP(address);
    const type = family === 4 ? 'ipv4' : 'ipv6';
    const bits = prefix === undefined ? undefined : Number(prefix);
    const maxBits = family === 4 ? 32 : 128;
    if (!family || extra !== undefined || (prefix !== undefined && (!/^\d+$/.test(prefix) || bits > maxBits))) {
      throw new Error(`TRUSTED_PROXIES: "${entry}" is neither an IP address nor a CIDR range (e.g. 127.0.0.1,::1,10.0.0.0/8)`);
    }
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, bits, type);
  }
  return { entries, list };
}

/** `::ffff:127.0.0.1` (an IPv4 client on a dual-stack socket) reads as `127.0.0.1`. */
export function plainAddress(address) {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1] : address;
}

export function isTrustedProxy(trusted, address) {
  const family = isIP(address);
  if (!family) return false;
  return trusted.list.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** The X-Forwarded-For value the app should see for a request from `peer`. */
export function forwardedFor(peer, header, trusted) {
  const address = plainAddress(peer);
  if (!isTrustedProxy(trusted, address)) return address;
  const chain = (Array.isArray(header) ? header.join(',') : (header ?? '')).trim();
  return chain ? `${chain}, ${address}` : address;
}

/** Rewrites a Node request's forwarded headers in place, before Next.js reads them. */
export function trustForwarded(req, trusted) {
  const peer = req.socket.remoteAddress ?? '';
  const fromProxy = isTrustedProxy(trusted, plainAddress(peer));
  req.headers['x-forwarded-for'] = forwardedFor(peer, req.headers['x-forwarded-for'], trusted);
  // Host, scheme and port claims are worth no more than the address from a stranger.
  if (!fromProxy) for (const name of FORWARDED_HEADERS) delete req.headers[name];
}

/** Wraps a Node request handler so every request reaches it with trustworthy forwarded headers. */
export function withTrustedForwarding(handler, trusted) {
  return (req, res) => {
    trustForwarded(req, trusted);
    return handler(req, res);
  };
}
