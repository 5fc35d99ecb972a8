import { NextResponse } from 'next/server';
import { currentUser } from '@/lib/auth/session';
import { getOwnedCase } from '@/lib/cases/repository';
import { parseOrderFile } from '@/lib/orders/import/import-orders';
import { importPreview } from '@/lib/orders/import/preview-response';
import { keepImportFile, ORDER_IMPORT_MAX_BYTES } from '@/lib/orders/import-session';
import { sameOriginOnly } from '@/lib/security/same-origin-only';

/**
 * Step one of an import: the file's bytes in, its suggested column mapping and
 * a preview out. Nothing is saved to the case until the user confirms.
 */
async function post(request: Request, { params }: { params: Promise<{ caseId: string }> }) {
  const { caseId } = await params;
  const user = await currentUser();
  if (!user) return NextResponse.json({ error: 'unauthenticated' }, { status: 401 });
  if (!(await getOwnedCase(user.id, caseId))) return NextResponse.json({ error: 'notFound' }, { status: 404 });

  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > ORDER_IMPORT_MAX_BYTES) return NextResponse.json({ error: 'tooLarge' }, { status: 413 });
  const form = await request.formData().catch(() => null);
  const file = form?.get('file');
  if (!(file instanceof File)) return NextResponse.json({ error: 'noFile' }, { status: 422 });
  if (file.size === 0) return NextResponse.json({ error: 'emptyFile' }, { status: 422 });
  if (file.size > ORDER_IMPORT_MAX_BYTES) return NextResponse.json({ error: 'tooLarge' }, { status: 413 });

  const bytes = new Uint8Array(await file.arrayBuffer());
  const parsed = await parseOrderFile(bytes, file.name);
  if (!parsed.ok) return NextResponse.json({ error: parsed.error }, { status: 422 });
  const importId = await keepImportFile(caseId, bytes);
  return NextResponse.json({ importId, fileName: file.name, ...importPreview(parsed) });
}

export const POST = sameOriginOnly(post);
