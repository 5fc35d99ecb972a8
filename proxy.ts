import { getSessionCookie } from 'better-auth/cookies';
import { NextResponse, type NextRequest } from 'next/server';
import { loginUrl } from '@/lib/auth/return-to';
import { appUrl, servesHttps } from '@/lib/config/app-url';
import { commonSecurityHeaders, newNonce, pageCsp } from '@/lib/security/headers';
import { checkWriteOrigin } from '@/lib/security/origin';
import { crossOriginRefusal } from '@/lib/security/same-origin-only';

/**
 * Runs before every page and server action (not /api: see the matcher):
 * 1. a server action (or any other write) started by another origin is refused before it runs;
 * 2. /cases without a session cookie goes to the login page, to come back to the exact page asked
 *    for (an optimistic check only: pages and actions still verify the session and ownership);
 * 3. every response gets the security headers, with a Content-Security-Policy whose nonce is
 *    fresh for each request.
 */
export function proxy(request: NextRequest) {
  const https = servesHttps();
  const csp = pageCsp({ nonce: newNonce(), https, dev: process.env.NODE_ENV === 'development' });

  if (!checkWriteOrigin(request, [appUrl()]).allowed) return secure(crossOriginRefusal(), csp, https);

  const { pathname, search } = request.nextUrl;
  if ((pathname === '/cases' || pathname.startsWith('/cases/')) && !getSessionCookie(request)) {
    return secure(NextResponse.redirect(new URL(loginUrl(pathname + search), request.url)), csp, https);
  }

  // Next.js reads the nonce back from the request's CSP header and puts it on its own scripts.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('Content-Security-Policy', csp);
  return secure(NextResponse.next({ request: { headers: requestHeaders } }), csp, https);
}

/** Headers set here win: Next.js keeps a proxy's header over a page's of the same name. */
function secure<R extends Response>(response: R, csp: string, https: boolean): R {
  response.headers.set('Content-Security-Policy', csp);
  for (const [name, value] of Object.entries(commonSecurityHeaders({ https }))) response.headers.set(name, value);
  return response;
}

/*
 * Not /api: a proxy in front of a route makes Next.js copy the request body for it, whole, in
 * memory and cut at 10 MB, which would break streamed uploads and imports. Route handlers get
 * the origin check from lib/security/same-origin-only.ts and their headers from next.config.ts.
 * Not the build's static files either (hashed JS and CSS, served with their own types).
 */
export const config = { matcher: ['/((?!api/|_next/static/|_next/image).*)'] };
