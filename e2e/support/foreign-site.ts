import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ForeignSite = { origin: string; close: () => Promise<void> };

/**
 * A page served from another port of localhost: another origin, but the same site as the app, so
 * the browser still attaches the merchant's SameSite=Lax cookie to what this page sends the app.
 * The strongest attacker short of another site's XSS, and the one the issue found.
 */
export async function foreignSite(html: string): Promise<ForeignSite> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://localhost:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
