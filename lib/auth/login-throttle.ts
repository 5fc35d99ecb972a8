import 'server-only';
import { db } from '@/lib/db/client';

/**
 * Who is signing in, as the throttle counts it: an IP address (`ip:…`), or a
 * known device of the account (`device:…`, see known-device.ts).
 */
export type LoginClient = { client: string; knownDevice: boolean };

/** Failures one client may make for one address before it has to wait. */
export const CLIENT_FREE_FAILURES = 5;
/** Failures for one address from all unknown clients together before they all wait. */
export const ADDRESS_CEILING = 100;
/** No wait is longer than 15 minutes: slow for a guesser, bearable for an owner. */
export const MAX_WAIT_SECONDS = 15 * 60;
/** Failures older than a day are forgotten. */
export const FAILURE_MEMORY_MS = 24 * 60 * 60 * 1000;

/**
 * Seconds to wait after the last of `failures` failures: none below `free`, then
 * 2^failures seconds (32 s after the fifth, doubling), at most MAX_WAIT_SECONDS.
 * Growing delays rather than a lock: nobody can shut the owner out for long.
 */
export function waitAfter(failures: number, free: number): number {
  if (failures < free) return 0;
  const exponent = Math.min(failures - free + 5, 30);
  return Math.min(2 ** exponent, MAX_WAIT_SECONDS);
}

function remaining(last: Date | null | undefined, waitSeconds: number, now: Date): number {
  if (!last || waitSeconds === 0) return 0;
  return Math.max(0, Math.ceil((last.getTime() + waitSeconds * 1000 - now.getTime()) / 1000));
}

async function failuresSince(where: { email: string; client?: string | { startsWith: string } }, now: Date) {
  const filter = { ...where, createdAt: { gte: new Date(now.getTime() - FAILURE_MEMORY_MS) } };
  const [count, last] = await Promise.all([
    db.loginFailure.count({ where: filter }),
    db.loginFailure.findFirst({ where: filter, orderBy: { createdAt: 'desc' }, select: { createdAt: true } }),
  ]);
  return { count, last: last?.createdAt };
}

/**
 * Seconds `who` must still wait before trying `email` again; 0 to go ahead.
 * A client is slowed by its own failures only; unknown clients also by the
 * address's ceiling, which a known device of the owner never meets.
 */
export async function loginWaitSeconds(email: string, who: LoginClient, now = new Date()): Promise<number> {
  const own = await failuresSince({ email, client: who.client }, now);
  const ownWait = remaining(own.last, waitAfter(own.count, CLIENT_FREE_FAILURES), now);
  if (who.knownDevice) return ownWait;
  const all = await failuresSince({ email, client: { startsWith: 'ip:' } }, now);
  return Math.max(ownWait, remaining(all.last, waitAfter(all.count, ADDRESS_CEILING), now));
}

export async function recordLoginFailure(email: string, who: LoginClient, now = new Date()): Promise<void> {
  await db.$transaction([
    db.loginFailure.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - FAILURE_MEMORY_MS) } } }),
    db.loginFailure.create({ data: { email, client: who.client, createdAt: now } }),
  ]);
}

/** A successful sign-in clears that client's failures; other clients' stay counted. */
export async function clearLoginFailures(email: string, who: LoginClient): Promise<void> {
  await db.loginFailure.deleteMany({ where: { email, client: who.client } });
}
