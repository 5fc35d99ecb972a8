import { describe, expect, it } from 'vitest';
import { readJson } from './read-json';

const post = (body: BodyInit | null) => new Request('http://app/api', { method: 'POST', body, ...(body ? { duplex: 'half' } : {}) } as RequestInit);

describe('readJson', () => {
  it('parses a body within the limit', async () => {
    expect(await readJson(post(JSON.stringify({ mapping: { orderNo: 0 }, note: '订单' })), 1024)).toEqual({ ok: true, value: { mapping: { orderNo: 0 }, note: '订单' } });
  });

  it('refuses a chunked body past the limit without reading it all', async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 64 * 1024;
        controller.enqueue(new Uint8Array(64 * 1024).fill(0x20));
      },
    });
    expect(await readJson(post(stream), 256 * 1024)).toEqual({ ok: false, reason: 'tooLarge' });
    expect(pulled).toBeLessThan(1024 * 1024);
  });

  it('calls an empty or broken body invalid', async () => {
    expect(await readJson(post(null), 1024)).toEqual({ ok: false, reason: 'invalid' });
    expect(await readJson(post('{"mapping":'), 1024)).toEqual({ ok: false, reason: 'invalid' });
  });
});
