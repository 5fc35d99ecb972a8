import 'server-only';
import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { APIError, createAuthMiddleware, isAPIError } from 'better-auth/api';
import { db } from '@/lib/db/client';
import { parseTrustedProxies } from '@/lib/net/forwarded-for.mjs';
import { emailSchema, PASSWORD_MAX, PASSWORD_MIN } from '@/lib/schemas/auth';
import { checkNewPassword } from './password-policy';
import { clearLoginFailures, isLoginThrottled, recordLoginFailure } from './login-throttle';
import { authSecret } from './secret';

function emailFrom(body: unknown): string | null {
  const parsed = emailSchema.safeParse((body as { email?: unknown } | undefined)?.email);
  return parsed.success ? parsed.data : null;
}

export const auth = betterAuth({
  appName: 'Appeal Pack',
  // Where the app is reached; behind another host or https, set BETTER_AUTH_URL.
  baseURL: process.env.BETTER_AUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`,
  secret: authSecret(),
  database: prismaAdapter(db, { provider: 'sqlite' }),
  emailAndPassword: { enabled: true, minPasswordLength: PASSWORD_MIN, maxPasswordLength: PASSWORD_MAX },
  session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
  // A flood guard per client address on top of the per-account throttle below.
  rateLimit: {
    enabled: process.env.AUTH_RATE_LIMIT !== 'off',
    storage: 'database',
    customRules: { '/sign-in/email': { window: 60, max: 20 }, '/sign-up/email': { window: 60, max: 20 } },
  },
  advanced: {
    // Session cookies are httpOnly and SameSite=Lax (the library's default); Secure in production.
    useSecureCookies: process.env.NODE_ENV === 'production' && process.env.INSECURE_COOKIES !== '1',
    // server.mjs has already replaced X-Forwarded-For from anyone but these proxies with the
    // socket address; the client is the right-most address that is not one of them.
    ipAddress: { ipAddressHeaders: ['x-forwarded-for'], trustedProxies: parseTrustedProxies(process.env.TRUSTED_PROXIES).entries },
  },
  hooks: {
    before: createAuthMiddleware(async (ctx) => {
      checkNewPassword(ctx.path, ctx.body);
      if (ctx.path === '/sign-in/email') {
        const email = emailFrom(ctx.body);
        if (email && (await isLoginThrottled(email))) {
          throw new APIError('TOO_MANY_REQUESTS', { code: 'TOO_MANY_ATTEMPTS', message: 'Too many failed sign-ins' });
        }
      }
    }),
    after: createAuthMiddleware(async (ctx) => {
      if (ctx.path !== '/sign-in/email') return;
      const email = emailFrom(ctx.body);
      if (!email) return;
      const returned = ctx.context.returned;
      if (isAPIError(returned)) {
        if (returned.statusCode === 401) await recordLoginFailure(email);
      } else {
        await clearLoginFailures(email);
      }
    }),
  },
});

export type AuthSession = typeof auth.$Infer.Session;
