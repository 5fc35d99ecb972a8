import { NextResponse } from 'next/server';
import { currentUser } from '@/lib/auth/session';
import { getOwnedCase } from '@/lib/cases/repository';
import { parseOrderFile } from '@/lib/orders/import/import-orders';
import { completeMapping, importPreview } from '@/lib/orders/import/preview-response';
import { readImportFile } from '@/lib/orders/import-session';
import { importChoicesSchema } from '@/lib/schemas/order-import';
import { sameOriginOnly } from '@/lib/security/same-origin-only';

/**
 * The preview again for the merchant's current choices (mapping, masking, skipped and corrected
 * rows), read from the kept file exactly as the confirmation will read it, so the counts and
 * values shown are always those of the import that would happen.
 */
async function post(request: Request, { params }: { params: Promise<{ caseId: string; importId: string }> }) {
  const { caseId, importId } = await params;
  const user = await currentUser();
  if (!user) return NextResponse.json({ error: 'unauthenticated' }, { status: 401 });
  if (!(await getOwnedCase(user.id, caseId))) return NextResponse.json({ error: 'notFound' }, { status: 404 });

  const choices = importChoicesSchema.safeParse(await request.json().catch(() => null));
  if (!choices.success) return NextResponse.json({ error: 'invalidMapping' }, { status: 422 });
  const bytes = await readImportFile(caseId, importId);
  if (!bytes) return NextResponse.json({ error: 'expired' }, { status: 404 });
  const { mapping, keepPersonalData, fixes } = choices.data;
  const parsed = await parseOrderFile(bytes, '', { mapping: completeMapping(mapping), keepPersonalData, fixes });
  if (!parsed.ok) return NextResponse.json({ error: parsed.error }, { status: 422 });
  return NextResponse.json(importPreview(parsed));
}

export const POST = sameOriginOnly(post);
