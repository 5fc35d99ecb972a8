import { Readable } from 'node:stream';
import { ownedEvidence } from '@/lib/evidence/owned';
import { API_CSP } from '@/lib/security/headers';
import { blobStore } from '@/lib/storage';

/** The derived preview (a photo's upright copy, a video's contact sheet; metadata stripped), to the case owner only. */
export async function GET(_request: Request, { params }: { params: Promise<{ caseId: string; evidenceId: string }> }) {
  const { caseId, evidenceId } = await params;
  const evidence = await ownedEvidence(caseId, evidenceId);
  const stream = evidence?.previewKey ? await blobStore().get(evidence.previewKey) : null;
  if (!stream) return new Response('Not found', { status: 404 });
  return new Response(Readable.toWeb(stream) as ReadableStream, {
    headers: { 'Content-Type': 'image/jpeg', 'Content-Security-Policy': API_CSP, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'private, max-age=3600' },
  });
}
