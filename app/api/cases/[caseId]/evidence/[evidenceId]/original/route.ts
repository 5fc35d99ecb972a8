import { Readable } from 'node:stream';
import { ownedEvidence } from '@/lib/evidence/owned';
import { contentDisposition } from '@/lib/evidence/inspect/file-name';
import { blobStore } from '@/lib/storage';

/** The original, byte for byte, to the case owner only; anyone else gets the same 404 as a missing file. */
export async function GET(_request: Request, { params }: { params: Promise<{ caseId: string; evidenceId: string }> }) {
  const { caseId, evidenceId } = await params;
  const evidence = await ownedEvidence(caseId, evidenceId);
  const stream = evidence ? await blobStore().get(evidence.storageKey) : null;
  if (!evidence || !stream) return new Response('Not found', { status: 404 });
  return new Response(Readable.toWeb(stream) as ReadableStream, {
    headers: {
      'Content-Type': evidence.mime,
      'Content-Length': String(evidence.size),
      'Content-Disposition': contentDisposition(evidence.originalName),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  });
}
