import { getSessionCookie } from 'better-auth/cookies';
import { NextResponse, type NextRequest } from 'next/server';
import { loginUrl } from '@/lib/auth/return-to';

/**
 * An optimistic check only: without a session cookie, send the visitor to the
 * login page with the exact page they asked for, to come back to it. Pages and
 * actions still verify the session and ownership themselves.
 */
export function proxy(request: NextRequest) {
  if (getSessionCookie(request)) return NextResponse.next();
  const { pathname, search } = request.nextUrl;
  return NextResponse.redirect(new URL(loginUrl(pathname + search), request.url));
}

export const config = { matcher: ['/cases/:path*'] };
