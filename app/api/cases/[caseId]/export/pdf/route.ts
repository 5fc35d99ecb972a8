import { Readable } from 'node:stream';
import { currentUser } from '@/lib/auth/session';
import { getOwnedCase } from '@/lib/cases/repository';
import { bundleFileName } from '@/lib/export/file-name';
import { latestExport } from '@/lib/export/run';
import { downloadHeaders } from '@/lib/security/download';
import { blobStore } from '@/lib/storage';

/**
 * The finished bundle (one volume of it), streamed to the case owner as
 * 申诉证据包_<店铺名>_<YYYYMMDD>.pdf; anyone else gets the same 404 as no bundle.
 */
export async function GET(request: Request, { params }: { params: Promise<{ caseId: string }> }) {
  const { caseId } = await params;
  const user = await currentUser();
  const found = user ? await getOwnedCase(user.id, caseId) : null;
  const job = found ? await latestExport(caseId) : null;
  const volume = Number(new URL(request.url).searchParams.get('volume') ?? '1');
  const file = job?.result?.files.find((f) => f.volume === volume);
  const stream = file ? await blobStore().get(file.key) : null;
  if (!found || !job?.result || !file || !stream) return new Response('Not found', { status: 404 });

  const volumes = job.result.files.length;
  const name = bundleFileName(found.shopName, found.title, new Date(job.result.generatedAt), 'pdf');
  return new Response(Readable.toWeb(stream) as ReadableStream, {
    headers: downloadHeaders({ mime: 'application/pdf', name: volumes > 1 ? name.replace(/\.pdf$/, `_卷${volume}.pdf`) : name, size: file.size }),
  });
}
