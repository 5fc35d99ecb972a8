'use server';

import { revalidatePath } from 'next/cache';
import { requireUser } from '@/lib/auth/session';
import { getOwnedCase, touchCase } from '@/lib/cases/repository';
import { db } from '@/lib/db/client';
import { isEvidenceCategory } from '@/lib/evidence/categories';
import { sortCategoryByDate } from '@/lib/evidence/exhibit-order';

/** Moves a file one place up or down within its category (the bundle's exhibit order). */
export async function moveEvidenceAction(formData: FormData): Promise<void> {
  const user = await requireUser('/cases');
  const caseId = String(formData.get('caseId') ?? '');
  if (!(await getOwnedCase(user.id, caseId))) return;
  const evidence = await db.evidence.findFirst({ where: { id: String(formData.get('evidenceId') ?? ''), caseId } });
  if (!evidence) return;
  const up = formData.get('direction') === 'up';
  const neighbour = await db.evidence.findFirst({
    where: { caseId, category: evidence.category, position: up ? { lt: evidence.position } : { gt: evidence.position } },
    orderBy: { position: up ? 'desc' : 'asc' },
  });
  if (!neighbour) return;
  await db.$transaction([
    db.evidence.update({ where: { id: evidence.id }, data: { position: neighbour.position } }),
    db.evidence.update({ where: { id: neighbour.id }, data: { position: evidence.position } }),
  ]);
  await touchCase(user.id, caseId);
  revalidatePath(`/cases/${caseId}/evidence`);
}

/** Renumbers one category by document date, then title (the default order; see lib/evidence/exhibit-order.ts). */
export async function sortEvidenceByDateAction(formData: FormData): Promise<void> {
  const user = await requireUser('/cases');
  const caseId = String(formData.get('caseId') ?? '');
  const category = String(formData.get('category') ?? '');
  if (!isEvidenceCategory(category) || !(await getOwnedCase(user.id, caseId))) return;
  await sortCategoryByDate(caseId, category);
  await touchCase(user.id, caseId);
  revalidatePath(`/cases/${caseId}/evidence`);
}
