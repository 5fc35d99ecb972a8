import { Readable } from 'node:stream';
import { ownedEvidence } from '@/lib/evidence/owned';
import { parseRange } from '@/lib/http/byte-range';
import { downloadHeaders } from '@/lib/security/download';
import { blobStore } from '@/lib/storage';

/**
 * The original, byte for byte, to the case owner only; anyone else gets the same 404 as a missing
 * file. A web page or other active type goes out as opaque bytes, so it can never run as our site.
 * A single Range is honoured: the evidence step's <video> plays and seeks the original through it.
 */
export async function GET(request: Request, { params }: { params: Promise<{ caseId: string; evidenceId: string }> }) {
  const { caseId, evidenceId } = await params;
  const evidence = await ownedEvidence(caseId, evidenceId);
  if (!evidence) return new Response('Not found', { status: 404 });
  const headers = { ...downloadHeaders({ mime: evidence.mime, name: evidence.originalName, size: evidence.size }), 'Accept-Ranges': 'bytes' };
  const range = parseRange(request.headers.get('range'), evidence.size);
  if (range === 'unsatisfiable') {
    return new Response(null, { status: 416, headers: { ...headers, 'Content-Length': '0', 'Content-Range': `bytes */${evidence.size}` } });
  }
  const stream = await blobStore().get(evidence.storageKey, range ?? undefined);
  if (!stream) return new Response('Not found', { status: 404 });
  const body = Readable.toWeb(stream) as ReadableStream;
  if (!range) return new Response(body, { headers });
  return new Response(body, {
    status: 206,
    headers: { ...headers, 'Content-Length': String(range.end - range.start + 1), 'Content-Range': `bytes ${range.start}-${range.end}/${evidence.size}` },
  });
}
