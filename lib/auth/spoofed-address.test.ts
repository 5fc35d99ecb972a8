import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { serveAuth } from '@/lib/testing/auth-server';

// 25 sign-ins, each for a different made-up account from a different made-up address:
// the per-account throttle never applies, only the per-address flood guard (20 a minute).
async function spoofedAttempts(trustedProxies: string | null, prefix: string): Promise<number[]> {
  const served = await serveAuth(trustedProxies);
  try {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      const response = await served.post(
        '/sign-in/email',
        { email: `${randomUUID().slice(0, 8)}@shop.cn`, password: 'Wrong1pass' },
        { 'x-forwarded-for': `${prefix}.${i + 1}` },
      );
      statuses.push(response.status);
    }
    return statuses;
  } finally {
    await served.close();
  }
}

// Each refused password costs a real hash (the library hashes even for unknown accounts).
describe('a spoofed X-Forwarded-For', { timeout: 60_000 }, () => {
  // Unknown accounts are logged as warnings: 50 of them say nothing here.
  beforeAll(() => void vi.spyOn(console, 'warn').mockImplementation(() => {}));

  it('changes nothing without a configured proxy: 25 made-up addresses are limited like 25 from one', async () => {
    const statuses = await spoofedAttempts('', '203.0.113');
    expect(statuses).toEqual([...Array(20).fill(401), ...Array(5).fill(429)]);
  });

  it('would give every attempt a fresh allowance if the header were passed on as Next.js passes it', async () => {
    const statuses = await spoofedAttempts(null, '198.51.100');
    expect(statuses).toEqual(Array(25).fill(401));
  });
});
