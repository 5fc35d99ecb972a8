import { NextResponse } from 'next/server';
import { currentUser } from '@/lib/auth/session';
import { getOwnedCase } from '@/lib/cases/repository';
import { readBody } from '@/lib/http/receive';
import { offThread } from '@/lib/jobs/tasks';
import { dropImportFile, keepImportFile, ORDER_IMPORT_MAX_BYTES } from '@/lib/orders/import-session';
import { sameOriginOnly } from '@/lib/security/same-origin-only';
import { isStorageFull, STORAGE_FULL } from '@/lib/storage/errors';

const REFUSED = { tooLarge: ['tooLarge', 413], empty: ['emptyFile', 422], aborted: ['noFile', 400] } as const;

/**
 * Step one of an import: the file's bytes in, its suggested column mapping and a preview out.
 * The file is the raw body (its name in the query string), counted as it arrives, so an oversize
 * body is refused at the limit whatever it declared. Nothing is saved to the case until the user confirms.
 */
async function post(request: Request, { params }: { params: Promise<{ caseId: string }> }) {
  const { caseId } = await params;
  const user = await currentUser();
  if (!user) return NextResponse.json({ error: 'unauthenticated' }, { status: 401 });
  if (!(await getOwnedCase(user.id, caseId))) return NextResponse.json({ error: 'notFound' }, { status: 404 });

  // An honest Content-Length over the limit is refused before a byte is read.
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > ORDER_IMPORT_MAX_BYTES) return NextResponse.json({ error: 'tooLarge' }, { status: 413 });
  if (!request.body) return NextResponse.json({ error: 'noFile' }, { status: 422 });
  const body = await readBody(request.body, ORDER_IMPORT_MAX_BYTES);
  if (!body.ok) {
    const [error, status] = REFUSED[body.reason];
    return NextResponse.json({ error }, { status });
  }

  const fileName = (new URL(request.url).searchParams.get('name') ?? '').slice(0, 255);
  // Kept first, then read on the task thread: a 50,000-row export is a second of parsing.
  let importId: string;
  try {
    importId = await keepImportFile(caseId, body.bytes);
  } catch (error) {
    // The store writes a temporary file and renames it: a full disk leaves nothing behind.
    if (isStorageFull(error)) return NextResponse.json({ error: STORAGE_FULL }, { status: 507 });
    throw error;
  }
  const read = await offThread('importPreview', { caseId, importId, fileName });
  if (!read.ok) {
    await dropImportFile(caseId, importId);
    return NextResponse.json({ error: read.error }, { status: 422 });
  }
  return NextResponse.json({ importId, fileName, ...read.preview });
}

export const POST = sameOriginOnly(post);
