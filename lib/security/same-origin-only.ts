import { appUrl } from '@/lib/config/app-url';
import { checkWriteOrigin } from './origin';

/** What a refused write gets: the same answer from the proxy (pages, actions) and the routes. */
export function crossOriginRefusal(): Response {
  return Response.json({ ok: false, error: 'crossOrigin' }, { status: 403 });
}

/**
 * Wraps a route handler that changes state so a request started by another origin is refused
 * before the handler runs (the rule: ./origin.ts). Route handlers cannot rely on proxy.ts for
 * this: a proxy in front of a route makes Next.js copy the whole request body for it, in memory
 * and cut at 10 MB, which would break streamed uploads; so /api is outside the proxy and each
 * write handler is wrapped here. lib/security/route-protection.test.ts fails for any that is not.
 */
export function sameOriginOnly<Rest extends unknown[]>(handler: (request: Request, ...rest: Rest) => Promise<Response> | Response) {
  return async (request: Request, ...rest: Rest): Promise<Response> => {
    if (!checkWriteOrigin(request, [appUrl()]).allowed) return crossOriginRefusal();
    return handler(request, ...rest);
  };
}
