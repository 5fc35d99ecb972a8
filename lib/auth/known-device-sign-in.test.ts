import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { serveAuth } from '@/lib/testing/auth-server';

// Behind a local proxy, as in production with nginx: the forwarded address names the client.
vi.hoisted(() => {
  process.env.TRUSTED_PROXIES = '127.0.0.1,::1';
});

const OWNER_ADDRESS = '198.51.100.10';
const ATTACKER_ADDRESS = '203.0.113.66';
const PASSWORD = 'Evidence2026';

/** The `name=value` pairs a response sets, for sending back as a Cookie header. */
function cookiesOf(response: Response): Record<string, string> {
  return Object.fromEntries(response.headers.getSetCookie().map((line) => line.split(';')[0]!.split(/=(.*)/s).slice(0, 2) as [string, string]));
}

describe('sign-in throttle over HTTP', { timeout: 60_000 }, () => {
  let served: Awaited<ReturnType<typeof serveAuth>>;
  const email = `owner-${randomUUID().slice(0, 8)}@shop.cn`;
  let device = '';
  const signIn = (password: string, from: string, cookie = '') =>
    served.post('/sign-in/email', { email, password }, { 'x-forwarded-for': from, ...(cookie ? { cookie } : {}) });

  beforeAll(async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    served = await serveAuth(process.env.TRUSTED_PROXIES ?? '');
    const signedUp = await served.post('/sign-up/email', { name: '店主', email, password: PASSWORD }, { 'x-forwarded-for': OWNER_ADDRESS });
    expect(signedUp.status).toBe(200);
    device = cookiesOf(signedUp)['better-auth.known_device'] ?? '';
  });
  afterAll(async () => {
    await served.close();
    delete process.env.TRUSTED_PROXIES;
  });

  it('marks the browser that made the account as a known device', () => {
    expect(device).toMatch(/^[^.]+\.\d+\.[\w-]+$/);
  });

  it('slows the attacking client with a growing wait and says how long', async () => {
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 10; i++) {
      last = await signIn(`Wrong${i}pass`, ATTACKER_ADDRESS);
      statuses.push(last.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429, 429]);
    const body = (await last!.json()) as { code: string; retryAfter: number };
    expect(body.code).toBe('TOO_MANY_ATTEMPTS');
    expect(body.retryAfter).toBeGreaterThan(25);
    expect(body.retryAfter).toBeLessThanOrEqual(32);
    expect(last!.headers.get('retry-after')).toBe(String(body.retryAfter));
  });

  it('makes even the right password wait from that client without the device cookie', async () => {
    expect((await signIn(PASSWORD, ATTACKER_ADDRESS)).status).toBe(429);
  });

  it('refuses a forged or another account’s device cookie', async () => {
    const [user, issued, mac] = device.split('.') as [string, string, string];
    const forged = `${user}.${issued}.${mac.slice(0, -2)}xx`;
    expect((await signIn(PASSWORD, ATTACKER_ADDRESS, `better-auth.known_device=${forged}`)).status).toBe(429);
    const elsewhere = `other-${user}.${issued}.${mac}`;
    expect((await signIn(PASSWORD, ATTACKER_ADDRESS, `better-auth.known_device=${elsewhere}`)).status).toBe(429);
  });

  it('lets the owner’s known device in at once, even from the attacker’s address', async () => {
    const response = await signIn(PASSWORD, ATTACKER_ADDRESS, `better-auth.known_device=${device}`);
    expect(response.status).toBe(200);
    expect(cookiesOf(response)['better-auth.known_device']).toBeTruthy();
  });

  it('does not slow another client', async () => {
    expect((await signIn(PASSWORD, '192.0.2.44')).status).toBe(200);
  });
});
