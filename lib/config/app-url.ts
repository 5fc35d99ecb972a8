type AppEnv = Readonly<Record<string, string | undefined>>;

/**
 * Where users reach the app: BETTER_AUTH_URL (the same variable better-auth reads for its own
 * origin check and links), else http://localhost:<PORT>. Read at request time, not build time,
 * so one build can be deployed behind different addresses.
 */
export function appUrl(env: AppEnv = process.env): string {
  return env.BETTER_AUTH_URL || `http://localhost:${env.PORT ?? 3000}`;
}

/**
 * Whether the app is served over TLS. The configured public URL is the one signal the app owns:
 * behind a TLS-terminating proxy the request itself arrives as plain http, and a client-sent
 * X-Forwarded-Proto is not to be trusted.
 */
export function servesHttps(env: AppEnv = process.env): boolean {
  return appUrl(env).toLowerCase().startsWith('https://');
}
