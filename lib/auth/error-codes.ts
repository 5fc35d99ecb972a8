type AuthError = { code?: string; status?: number; retryAfter?: unknown } | null | undefined;

/** A message key under `auth.errors` and the values it needs. */
export type AuthErrorMessage = { key: string; values?: Record<string, number> };

/** Turns what the auth API answered into a message key under `auth.errors`. */
export function authErrorKey(error: AuthError): string {
  switch (error?.code) {
    case 'USER_ALREADY_EXISTS':
    case 'USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL':
      return 'emailTaken';
    case 'INVALID_EMAIL_OR_PASSWORD':
    case 'INVALID_PASSWORD':
    case 'INVALID_EMAIL':
      return 'wrongCredentials';
    case 'WEAK_PASSWORD':
    case 'PASSWORD_TOO_SHORT':
    case 'PASSWORD_TOO_LONG':
      return 'weakPassword';
    case 'COMMON_PASSWORD':
      return 'commonPassword';
    case 'TOO_MANY_ATTEMPTS':
      return 'tooManyAttempts';
  }
  if (error?.status === 429) return 'tooManyRequests';
  if (error?.status === 401) return 'wrongCredentials';
  return 'unexpected';
}

/**
 * The message for an auth error, with how long to wait when the server said so:
 * seconds for a short wait, whole minutes (rounded up) for a long one.
 */
export function authErrorMessage(error: AuthError): AuthErrorMessage {
  const key = authErrorKey(error);
  const wait = Number(error?.retryAfter);
  if (key !== 'tooManyAttempts') return { key };
  if (!Number.isFinite(wait) || wait <= 0) return { key: 'tooManyAttemptsLater' };
  if (wait < 120) return { key: 'tooManyAttempts', values: { seconds: Math.ceil(wait) } };
  return { key: 'tooManyAttemptsMinutes', values: { minutes: Math.ceil(wait / 60) } };
}
