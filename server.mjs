// Production server: `next start` plus one step Next.js cannot do from a route handler,
// deciding which client address to believe (see lib/net/forwarded-for.mjs).
//
//   PORT=3000 TRUSTED_PROXIES=127.0.0.1,::1 node server.mjs
//
// TRUSTED_PROXIES lists the proxies (addresses or CIDR ranges) whose X-Forwarded-For is
// believed; empty, every request is counted by its own socket address.
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTrustedProxies, withTrustedForwarding } from './lib/net/forwarded-for.mjs';
import { runStartUpWork } from './lib/server/start-up.mjs';

process.env.NODE_ENV ??= 'production';
const dir = path.dirname(fileURLToPath(import.meta.url));
const port = Number(process.env.PORT ?? 3000);
// A typo here would silently trust nobody (or everybody): refuse to start instead.
const trusted = parseTrustedProxies(process.env.TRUSTED_PROXIES);

const { default: next } = await import('next');
const app = next({ dev: false, dir, port });
await app.prepare();
// Interrupted jobs recovered, job workers started, before the first merchant (or a load
// balancer's health check) is answered; not on whichever request comes first.
await runStartUpWork(app);
const handle = app.getRequestHandler();

const server = createServer(withTrustedForwarding((req, res) => handle(req, res), trusted));
// All interfaces, like `next start`.
server.listen(port, () => {
  const proxies = trusted.entries.length ? trusted.entries.join(', ') : 'none';
  console.log(`> Ready on http://localhost:${port} (trusted proxies: ${proxies})`);
});

// Finish requests in flight on a stop signal, as `next start` does.
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
