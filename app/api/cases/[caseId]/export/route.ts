import { z } from 'zod';
import { currentUser } from '@/lib/auth/session';
import { caseFacts } from '@/lib/cases/facts';
import { getOwnedCase } from '@/lib/cases/repository';
import { blockingProblems } from '@/lib/cases/review';
import { latestExport, startExport } from '@/lib/export/run';
import { exportSpace } from '@/lib/export/space';
import { readJson } from '@/lib/http/read-json';
import { sameOriginOnly } from '@/lib/security/same-origin-only';

type Params = { params: Promise<{ caseId: string }> };

const startSchema = z.object({ attachOriginals: z.boolean().default(false) });

async function owned(caseId: string) {
  const user = await currentUser();
  return user ? getOwnedCase(user.id, caseId) : null;
}

/** The case's latest export: status, progress and current item while it runs, the files once done. */
export async function GET(_request: Request, { params }: Params) {
  const { caseId } = await params;
  if (!(await owned(caseId))) return Response.json({ error: 'notFound' }, { status: 404 });
  return Response.json({ job: await latestExport(caseId) }, { headers: { 'Cache-Control': 'private, no-store' } });
}

/** Starts an export (or returns the running one, or the stored bundle of an unchanged case). */
async function post(request: Request, { params }: Params) {
  const { caseId } = await params;
  const found = await owned(caseId);
  if (!found) return Response.json({ error: 'notFound' }, { status: 404 });
  // One flag: a body past a few kilobytes is not ours, and is not read to its end.
  const body = await readJson(request, 16 * 1024);
  if (!body.ok && body.reason === 'tooLarge') return Response.json({ error: 'badRequest' }, { status: 413 });
  const parsed = startSchema.safeParse(body.ok ? body.value : {});
  if (!parsed.success) return Response.json({ error: 'badRequest' }, { status: 400 });
  const blocking = blockingProblems(found, new Date(), await caseFacts(caseId));
  if (blocking.length > 0) return Response.json({ error: 'blocked', problems: blocking.map((p) => p.code) }, { status: 409 });
  // Checked before the work starts: a bundle that cannot be written would only fill the disk for everyone.
  if (!(await exportSpace(caseId)).enough) return Response.json({ error: 'storageFull' }, { status: 507 });
  return Response.json({ job: await startExport(caseId, parsed.data) }, { status: 202 });
}

export const POST = sameOriginOnly(post);
