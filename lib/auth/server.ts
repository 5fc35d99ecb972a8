import 'server-only';
import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { createAuthMiddleware } from 'better-auth/api';
import { db, DB_PROVIDER } from '@/lib/db/client';
import { parseTrustedProxies } from '@/lib/net/forwarded-for.mjs';
import { PASSWORD_MAX, PASSWORD_MIN } from '@/lib/schemas/auth';
import { checkNewPassword } from './password-policy';
import { authSecret } from './secret';
import { afterSignIn, beforeSignIn, rememberDevice } from './sign-in-guard';

export const auth = betterAuth({
  appName: 'Appeal Pack',
  // Where the app is reached; behind another host or https, set BETTER_AUTH_URL.
  baseURL: process.env.BETTER_AUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`,
  secret: authSecret(),
  database: prismaAdapter(db, { provider: DB_PROVIDER }),
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
      if (ctx.path === '/sign-in/email') await beforeSignIn(ctx);
    }),
    after: createAuthMiddleware(async (ctx) => {
      if (ctx.path === '/sign-in/email') await afterSignIn(ctx);
      if (ctx.path === '/sign-up/email') rememberDevice(ctx);
    }),
  },
});

export type AuthSession = typeof auth.$Infer.Session;
