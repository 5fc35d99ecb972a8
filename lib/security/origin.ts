/**
 * Which requests may change state: the rule of OWASP's CSRF cheat sheet ("Fetch Metadata" first,
 * then Origin verification), as Go's net/http CrossOriginProtection implements it.
 *
 * - Reads (GET, HEAD, OPTIONS) always pass: nothing in the app changes state on them.
 * - `Sec-Fetch-Site` is set by the browser and cannot be forged by a page. Every current browser
 *   sends it: `same-origin` passes, and so does `none` (the user typed or bookmarked the request,
 *   no page started it). `same-site` is refused too: another port or subdomain of the same site
 *   still receives our SameSite=Lax cookie, which is exactly the attack we refuse.
 * - Without it, an older browser still sends `Origin` on every POST: it must be the app's own.
 * - With neither header the caller is not a browser (curl, a script, a server): it carries no
 *   cookie it was not given on purpose, so there is nothing to forge.
 */

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export type WriteRequest = {
  method: string;
  /** Only the headers this rule reads; a Headers object fits. */
  headers: { get(name: string): string | null };
};

export type OriginVerdict = { allowed: true } | { allowed: false; reason: 'crossSite' | 'sameSite' | 'foreignOrigin' };

/**
 * Whether a request may change state. `appOrigins` are the origins the app is reached at (the
 * configured public URL); the request's own Host header also counts, as a browser cannot set it.
 */
export function checkWriteOrigin(request: WriteRequest, appOrigins: readonly string[]): OriginVerdict {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return { allowed: true };

  const site = request.headers.get('sec-fetch-site')?.trim().toLowerCase();
  if (site) {
    if (site === 'same-origin' || site === 'none') return { allowed: true };
    return { allowed: false, reason: site === 'same-site' ? 'sameSite' : 'crossSite' };
  }

  const origin = request.headers.get('origin');
  if (origin === null) return { allowed: true };
  return isOwnOrigin(origin, appOrigins, request.headers.get('host')) ? { allowed: true } : { allowed: false, reason: 'foreignOrigin' };
}

function isOwnOrigin(origin: string, appOrigins: readonly string[], host: string | null): boolean {
  // Sandboxed frames, file: pages and privacy-redirected requests send "null": never ours.
  const parsed = parseOrigin(origin);
  if (!parsed) return false;
  if (appOrigins.some((own) => parseOrigin(own) === parsed)) return true;
  return host !== null && new URL(parsed).host === host.toLowerCase();
}

/** The serialised origin (scheme://host[:port], default port dropped), or null if not a URL. */
function parseOrigin(value: string): string | null {
  if (!URL.canParse(value)) return null;
  const url = new URL(value);
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
}
