import { describe, expect, it, vi } from 'vitest';
import { sameOriginOnly } from './same-origin-only';

describe('sameOriginOnly', () => {
  const handler = vi.fn(async (_request: Request, id: string) => Response.json({ ran: id }));
  const wrapped = sameOriginOnly(handler);
  const post = (headers: Record<string, string>) => new Request('http://localhost:3000/api/x', { method: 'POST', headers, body: 'x' });

  it('never calls the handler for a foreign origin', async () => {
    const response = await wrapped(post({ 'sec-fetch-site': 'cross-site' }), 'a');
    expect(response.status).toBe(403);
    expect(handler).not.toHaveBeenCalled();
  });

  it('hands the app’s own requests and its arguments to the handler untouched', async () => {
    const request = post({ 'sec-fetch-site': 'same-origin' });
    const response = await wrapped(request, 'b');
    expect(await response.json()).toEqual({ ran: 'b' });
    expect(handler).toHaveBeenCalledWith(request, 'b');
  });
});
