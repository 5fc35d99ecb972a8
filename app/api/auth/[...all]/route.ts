import { toNextJsHandler } from 'better-auth/next-js';
import { auth } from '@/lib/auth/server';
import { sameOriginOnly } from '@/lib/security/same-origin-only';

const handlers = toNextJsHandler(auth);

export const GET = handlers.GET;
// better-auth checks the Origin of cookie-carrying writes against its trusted origins itself;
// the app's own rule runs first so every write route answers a foreign origin the same way.
export const POST = sameOriginOnly(handlers.POST);
