/** Turns what the auth API answered into a message key under `auth.errors`. */
export function authErrorKey(error: { code?: string; status?: number } | null | undefined): string {
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
