import { Readable } from 'node:stream';
import { currentUser } from '@/lib/auth/session';
import { getOwnedCase } from '@/lib/cases/repository';
import { collectBundleData } from '@/lib/export/collect';
import { bundleFileName } from '@/lib/export/file-name';
import { zipOriginals } from '@/lib/export/zip';
import { downloadHeaders } from '@/lib/security/download';
import { blobStore } from '@/lib/storage';

/** Every original with its manifest, as one ZIP streamed to the case owner; anyone else gets a 404. */
export async function GET(_request: Request, { params }: { params: Promise<{ caseId: string }> }) {
  const { caseId } = await params;
  const user = await currentUser();
  const owned = user ? await getOwnedCase(user.id, caseId) : null;
  if (!owned) return new Response('Not found', { status: 404 });

  const now = new Date();
  const data = await collectBundleData(caseId);
  const zip = await zipOriginals(data, blobStore(), now);
  return new Response(Readable.toWeb(zip) as ReadableStream, {
    headers: downloadHeaders({ mime: 'application/zip', name: bundleFileName(data.case.shopName, data.case.title, now, 'zip') }),
  });
}
