import { NextResponse } from 'next/server';
import { currentUser } from '@/lib/auth/session';
import { acceptUpload } from '@/lib/evidence/accept-upload';
import { parsePlacement } from '@/lib/evidence/exhibit-order';
import { sameOriginOnly } from '@/lib/security/same-origin-only';

const STATUS: Record<string, number> = { notFound: 404, tooLarge: 413, caseFull: 413, accountFull: 413, aborted: 400, alreadyUploaded: 409, storageFull: 507 };

/**
 * One file per request, as the raw body (not multipart), so it streams
 * straight into storage; its name, category and place in the merchant's pick
 * (batch and pick index) travel in the query string.
 */
async function post(request: Request, { params }: { params: Promise<{ caseId: string }> }) {
  const { caseId } = await params;
  const user = await currentUser();
  if (!user) return NextResponse.json({ ok: false, error: 'unauthenticated' }, { status: 401 });
  if (!request.body) return NextResponse.json({ ok: false, error: 'empty' }, { status: 422 });
  const url = new URL(request.url);
  // A declared length only lets the quota be reserved up front; the bytes are still counted as they arrive.
  const declared = Number(request.headers.get('content-length') ?? '');
  const outcome = await acceptUpload({
    userId: user.id,
    caseId,
    fileName: url.searchParams.get('name') ?? '',
    category: url.searchParams.get('category') ?? 'other',
    replaceId: url.searchParams.get('replace') ?? undefined,
    placement: parsePlacement(url.searchParams.get('batch'), url.searchParams.get('pick')),
    body: request.body,
    declaredSize: Number.isSafeInteger(declared) && declared > 0 ? declared : undefined,
  });
  return NextResponse.json(outcome, { status: outcome.ok ? (outcome.duplicate ? 200 : 201) : (STATUS[outcome.error] ?? 422) });
}

export const POST = sameOriginOnly(post);
