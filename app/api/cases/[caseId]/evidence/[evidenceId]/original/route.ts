import { Readable } from 'node:stream';
import { ownedEvidence } from '@/lib/evidence/owned';
import { downloadHeaders } from '@/lib/security/download';
import { blobStore } from '@/lib/storage';

/**
 * The original, byte for byte, to the case owner only; anyone else gets the same 404 as a missing
 * file. A web page or other active type goes out as opaque bytes, so it can never run as our site.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ caseId: string; evidenceId: string }> }) {
  const { caseId, evidenceId } = await params;
  const evidence = await ownedEvidence(caseId, evidenceId);
  const stream = evidence ? await blobStore().get(evidence.storageKey) : null;
  if (!evidence || !stream) return new Response('Not found', { status: 404 });
  return new Response(Readable.toWeb(stream) as ReadableStream, {
    headers: downloadHeaders({ mime: evidence.mime, name: evidence.originalName, size: evidence.size }),
  });
}
