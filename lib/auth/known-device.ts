import { createHmac, timingSafeEqual } from 'node:crypto';

/** Browsers keep a cookie at most 400 days; the token is honoured as long. */
export const KNOWN_DEVICE_MAX_AGE_S = 400 * 24 * 60 * 60;
export const KNOWN_DEVICE_COOKIE = 'known_device';

function mac(userId: string, issuedAt: number, secret: string): string {
  return createHmac('sha256', secret).update(`known-device:v1:${userId}:${issuedAt}`).digest('base64url');
}

/**
 * A token saying "this browser signed in as `userId` before": `userId.issuedAt.mac`,
 * signed with the auth secret so nobody can write one for someone else's account.
 */
export function knownDeviceToken(userId: string, secret: string, now = new Date()): string {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return `${userId}.${issuedAt}.${mac(userId, issuedAt, secret)}`;
}

/**
 * The device's throttle identity when `token` is a valid, unexpired token for
 * `userId`; null for anything else (forged, another account's, expired, garbled).
 */
export function knownDeviceClient(token: string | null | undefined, userId: string, secret: string, now = new Date()): string | null {
  const parts = token?.split('.');
  if (!parts || parts.length !== 3) return null;
  const [owner, issued, signature] = parts as [string, string, string];
  if (owner !== userId || !/^\d{1,12}$/.test(issued)) return null;
  const issuedAt = Number(issued);
  const age = now.getTime() / 1000 - issuedAt;
  if (age < -60 || age > KNOWN_DEVICE_MAX_AGE_S) return null;
  const expected = Buffer.from(mac(owner, issuedAt, secret));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return `device:${signature.slice(0, 16)}`;
}
