import 'server-only';
import { db } from '@/lib/db/client';

/** Failed sign-ins allowed per e-mail address within the window before a pause. */
export const LOGIN_FAILURE_LIMIT = 5;
/** 15 minutes: long enough to make guessing slow, short enough for a real owner. */
export const LOGIN_FAILURE_WINDOW_MS = 15 * 60 * 1000;

function windowStart(now: Date): Date {
  return new Date(now.getTime() - LOGIN_FAILURE_WINDOW_MS);
}

/** True when the address has failed too often recently; checked before the password is. */
export async function isLoginThrottled(email: string, now = new Date()): Promise<boolean> {
  const failures = await db.loginFailure.count({ where: { email, createdAt: { gte: windowStart(now) } } });
  return failures >= LOGIN_FAILURE_LIMIT;
}

export async function recordLoginFailure(email: string, now = new Date()): Promise<void> {
  await db.$transaction([
    db.loginFailure.deleteMany({ where: { createdAt: { lt: windowStart(now) } } }),
    db.loginFailure.create({ data: { email, createdAt: now } }),
  ]);
}

export async function clearLoginFailures(email: string): Promise<void> {
  await db.loginFailure.deleteMany({ where: { email } });
}
