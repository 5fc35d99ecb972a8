import { getSessionCookie } from 'better-auth/cookies';
import { NextResponse, type NextRequest } from 'next/server';
import { loginUrl } from '@/lib/auth/return-to';
import { appUrl, servesHttps } from '@/lib/config/app-url';
import { API_CSP, commonSecurityHeaders, newNonce, pageCsp } from '@/lib/security/headers';
import { checkWriteOrigin } from '@/lib/security/origin';

/**
 * Runs before every page, action and API route:
 * 1. a write (POST, PUT, PATCH, DELETE) started by another origin is refused here, in one place,
 *    before any route handler or server action sees it;
 * 2. /cases without a session cookie goes to the login page, to come back to the exact page asked
 *    for (an optimistic check only: pages and actions still verify the session and ownership);
 * 3. every response gets the security headers, pages a Content-Security-Policy with a fresh nonce.
 */
export function proxy(request: NextRequest) {
  const https = servesHttps();
  const { pathname, search } = request.nextUrl;
  const isApi = pathname === '/api' || pathname.startsWith('/api/');

  const verdict = checkWriteOrigin(request, [appUrl()]);
  if (!verdict.allowed) {
    const refused = NextResponse.json({ ok: false, error: 'crossOrigin' }, { status: 403 });
    return secure(refused, API_CSP, https);
  }

  if (isCasesPath(pathname) && !getSessionCookie(request)) {
    return secure(NextResponse.redirect(new URL(loginUrl(pathname + search), request.url)), API_CSP, https);
  }

  if (isApi) return secure(NextResponse.next(), API_CSP, https);

  // Next.js reads the nonce back from the request's CSP header and puts it on its own scripts.
  const csp = pageCsp({ nonce: newNonce(), https, dev: process.env.NODE_ENV === 'development' });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('Content-Security-Policy', csp);
  return secure(NextResponse.next({ request: { headers: requestHeaders } }), csp, https);
}

function isCasesPath(pathname: string): boolean {
  return pathname === '/cases' || pathname.startsWith('/cases/');
}

/** Headers set here win: Next.js keeps a proxy's header over a route handler's of the same name. */
function secure(response: NextResponse, csp: string, https: boolean): NextResponse {
  response.headers.set('Content-Security-Policy', csp);
  for (const [name, value] of Object.entries(commonSecurityHeaders({ https }))) response.headers.set(name, value);
  return response;
}

// Everything but the build's static files (hashed JS and CSS, served with their own types).
export const config = { matcher: ['/((?!_next/static|_next/image).*)'] };
