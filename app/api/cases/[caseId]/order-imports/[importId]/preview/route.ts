import { NextResponse } from 'next/server';
import { currentUser } from '@/lib/auth/session';
import { getOwnedCase } from '@/lib/cases/repository';
import { readJson } from '@/lib/http/read-json';
import { offThread } from '@/lib/jobs/tasks';
import { importChoicesSchema } from '@/lib/schemas/order-import';
import { sameOriginOnly } from '@/lib/security/same-origin-only';

/** The choices: at most 100 held-back rows are shown to correct, each under 4,000 characters. */
const CHOICES_MAX_BYTES = 2 * 1024 * 1024;

/**
 * The preview again for the merchant's current choices (mapping, masking, skipped and corrected
 * rows), read from the kept file exactly as the import job will read it (on the task thread), so
 * the counts and values shown are always those of the import that would happen.
 */
async function post(request: Request, { params }: { params: Promise<{ caseId: string; importId: string }> }) {
  const { caseId, importId } = await params;
  const user = await currentUser();
  if (!user) return NextResponse.json({ error: 'unauthenticated' }, { status: 401 });
  if (!(await getOwnedCase(user.id, caseId))) return NextResponse.json({ error: 'notFound' }, { status: 404 });

  const body = await readJson(request, CHOICES_MAX_BYTES);
  if (!body.ok && body.reason === 'tooLarge') return NextResponse.json({ error: 'choicesTooLarge' }, { status: 413 });
  const choices = importChoicesSchema.safeParse(body.ok ? body.value : null);
  if (!choices.success) return NextResponse.json({ error: 'invalidMapping' }, { status: 422 });
  const read = await offThread('importPreview', { caseId, importId, fileName: '', choices: choices.data });
  if (!read.ok) return NextResponse.json({ error: read.error }, { status: read.error === 'expired' ? 404 : 422 });
  return NextResponse.json(read.preview);
}

export const POST = sameOriginOnly(post);
