import { readBody } from './receive';

export type ReadJson = { ok: true; value: unknown } | { ok: false; reason: 'tooLarge' | 'invalid' };

/**
 * A request's JSON body, read only up to `maxBytes` as it arrives: request.json() would buffer a
 * body of any size first. An empty or unparsable body is 'invalid'; what the value means is the
 * caller's zod schema's business.
 */
export async function readJson(request: Request, maxBytes: number): Promise<ReadJson> {
  if (!request.body) return { ok: false, reason: 'invalid' };
  const body = await readBody(request.body, maxBytes);
  if (!body.ok) return { ok: false, reason: body.reason === 'tooLarge' ? 'tooLarge' : 'invalid' };
  try {
    return { ok: true, value: JSON.parse(new TextDecoder().decode(body.bytes)) as unknown };
  } catch {
    return { ok: false, reason: 'invalid' };
  }
}
