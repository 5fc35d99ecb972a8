import 'server-only';
import { APIError, getIP, isAPIError, type createAuthMiddleware } from 'better-auth/api';
import { db } from '@/lib/db/client';
import { emailSchema } from '@/lib/schemas/auth';
import { KNOWN_DEVICE_COOKIE, KNOWN_DEVICE_MAX_AGE_S, knownDeviceClient, knownDeviceToken } from './known-device';
import { clearLoginFailures, loginWaitSeconds, recordLoginFailure, type LoginClient } from './login-throttle';
import { authSecret } from './secret';

type HookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

function emailFrom(body: unknown): string | null {
  const parsed = emailSchema.safeParse((body as { email?: unknown } | undefined)?.email);
  return parsed.success ? parsed.data : null;
}

function deviceCookie(ctx: HookContext) {
  return ctx.context.createAuthCookie(KNOWN_DEVICE_COOKIE, { maxAge: KNOWN_DEVICE_MAX_AGE_S });
}

/**
 * The client as the throttle counts it: this account's known device when the
 * browser carries a valid token for it, otherwise the address better-auth's own
 * rate limit uses (trustworthy once server.mjs has rewritten X-Forwarded-For).
 */
async function loginClient(ctx: HookContext, email: string): Promise<LoginClient> {
  const token = ctx.getCookie(deviceCookie(ctx).name);
  if (token) {
    const user = await db.user.findUnique({ where: { email }, select: { id: true } });
    const device = user ? knownDeviceClient(token, user.id, authSecret()) : null;
    if (device) return { client: device, knownDevice: true };
  }
  const source = ctx.request ?? ctx.headers;
  const ip = source ? getIP(source, ctx.context.options) : null;
  return { client: `ip:${ip ?? 'unknown'}`, knownDevice: false };
}

/** Before the password is checked: a client that failed too often waits, and is told how long. */
export async function beforeSignIn(ctx: HookContext): Promise<void> {
  const email = emailFrom(ctx.body);
  if (!email) return;
  const wait = await loginWaitSeconds(email, await loginClient(ctx, email));
  if (wait > 0) {
    throw new APIError(
      'TOO_MANY_REQUESTS',
      { code: 'TOO_MANY_ATTEMPTS', message: 'Too many failed sign-ins', retryAfter: wait },
      { 'Retry-After': String(wait) },
    );
  }
}

/** After sign-in: count a failure against its client, or mark this browser as a known device. */
export async function afterSignIn(ctx: HookContext): Promise<void> {
  const email = emailFrom(ctx.body);
  if (!email) return;
  const returned = ctx.context.returned;
  if (isAPIError(returned)) {
    if (returned.statusCode === 401) await recordLoginFailure(email, await loginClient(ctx, email));
    return;
  }
  await clearLoginFailures(email, await loginClient(ctx, email));
  rememberDevice(ctx);
}

/** Sign-up signs in too: the browser that made the account is known from the start. */
export function rememberDevice(ctx: HookContext): void {
  const userId = ctx.context.newSession?.user.id;
  if (!userId) return;
  const cookie = deviceCookie(ctx);
  ctx.setCookie(cookie.name, knownDeviceToken(userId, authSecret()), cookie.attributes);
}
