import 'server-only';
import { APIError } from 'better-auth/api';
import { passwordSchema } from '@/lib/schemas/auth';
import { isCommonPassword } from './common-passwords';

/** Endpoints that set a password, and the body field that carries it. */
const NEW_PASSWORD_FIELD: Record<string, string> = {
  '/sign-up/email': 'password',
  '/change-password': 'newPassword',
  '/reset-password': 'newPassword',
};

/**
 * Refuses a weak or common new password on every endpoint that sets one, so no
 * route (the change-password API has no page but is reachable) slips past.
 * The common list stays on the server: it is too large to ship to the browser.
 */
export function checkNewPassword(path: string, body: unknown): void {
  const field = NEW_PASSWORD_FIELD[path];
  if (!field) return;
  const password = (body as Record<string, unknown> | undefined)?.[field];
  if (!passwordSchema.safeParse(password).success) {
    throw new APIError('BAD_REQUEST', { code: 'WEAK_PASSWORD', message: 'Password is too weak' });
  }
  if (isCommonPassword(password as string)) {
    throw new APIError('BAD_REQUEST', { code: 'COMMON_PASSWORD', message: 'Password is too common' });
  }
}
