import { describe, expect, it } from 'vitest';
import { KNOWN_DEVICE_MAX_AGE_S, knownDeviceClient, knownDeviceToken } from './known-device';

const SECRET = 'test-secret-test-secret-test-secret';
const now = new Date('2026-11-22T10:00:00Z');

describe('known-device token', () => {
  const token = knownDeviceToken('user-1', SECRET, now);

  it('names the device for the account it was issued to', () => {
    expect(knownDeviceClient(token, 'user-1', SECRET, now)).toMatch(/^device:[\w-]{16}$/);
  });

  it('is refused for another account, another secret, or after it expires', () => {
    expect(knownDeviceClient(token, 'user-2', SECRET, now)).toBeNull();
    expect(knownDeviceClient(token, 'user-1', 'another-secret-another-secret', now)).toBeNull();
    expect(knownDeviceClient(token, 'user-1', SECRET, new Date(now.getTime() + (KNOWN_DEVICE_MAX_AGE_S + 1) * 1000))).toBeNull();
  });

  it('is refused when forged or altered', () => {
    const [, issued, mac] = token.split('.') as [string, string, string];
    const flipped = mac.slice(0, -1) + (mac.endsWith('A') ? 'B' : 'A');
    expect(knownDeviceClient(`user-1.${issued}.${flipped}`, 'user-1', SECRET, now)).toBeNull();
    // Moving the date forward breaks the signature too.
    expect(knownDeviceClient(`user-1.${Number(issued) + 1}.${mac}`, 'user-1', SECRET, now)).toBeNull();
    // A token made for one's own account cannot be relabelled for someone else's.
    expect(knownDeviceClient(knownDeviceToken('attacker', SECRET, now).replace(/^attacker/, 'user-1'), 'user-1', SECRET, now)).toBeNull();
  });

  it.each([[null], [''], ['user-1'], ['user-1.x.y'], ['a.b.c.d']])('is refused for %j', (value) => {
    expect(knownDeviceClient(value, 'user-1', SECRET, now)).toBeNull();
  });
});
