import 'server-only';
import { db } from '@/lib/db/client';
import { caseLimits } from '@/lib/limits';
import { deleteCaseCounted, releaseCaseSlot, reserveCaseSlot } from '@/lib/quota/account';
import { blobStore, casePrefix } from '@/lib/storage';
import type { PlatformId } from '@/lib/platforms/profiles';
import { caseStatus, completionPercent, stepStates } from './completion';
import { caseFacts } from './facts';
import { NO_FACTS, type CaseRecord } from './snapshot';
import type { StepId } from './steps';

/**
 * Case data access. Every function takes the acting user's id and touches only
 * that user's cases: a case of someone else's behaves exactly like one that
 * does not exist (null / false), so callers answer 404 and reveal nothing.
 */

export function listCases(userId: string) {
  return db.case.findMany({ where: { userId }, orderBy: { editedAt: 'desc' } });
}

export function getOwnedCase(userId: string, caseId: string) {
  return db.case.findFirst({ where: { id: caseId, userId } });
}

export type NewCase = { title: string; platform: PlatformId; appealDeadline: Date | null };

const EMPTY_CASE: Omit<CaseRecord, keyof NewCase> = {
  shopName: '',
  shopId: '',
  incidentKind: '',
  incidentDetail: '',
  noticeNumber: '',
  noticeDate: null,
  noticeText: '',
  contactName: '',
  contactPhone: '',
  accusations: '[]',
  statement: '{}',
  acknowledged: '[]',
};

export type CreateCaseOutcome = { ok: true; case: Awaited<ReturnType<typeof db.case.create>> } | { ok: false; error: 'tooManyCases'; limit: number };

/** A new case, if the account has a case slot left: the slot is taken first, atomically (lib/quota/account.ts). */
export async function tryCreateCase(userId: string, input: NewCase): Promise<CreateCaseOutcome> {
  if (!(await reserveCaseSlot(userId))) return { ok: false, error: 'tooManyCases', limit: caseLimits().maxCasesPerAccount };
  const completion = completionPercent(stepStates({ ...EMPTY_CASE, ...input }, new Date(), NO_FACTS));
  try {
    return { ok: true, case: await db.case.create({ data: { userId, ...input, completion } }) };
  } catch (error) {
    await releaseCaseSlot(userId);
    throw error;
  }
}

/** tryCreateCase for callers that cannot be at the cap (tests, seeds): at the cap it throws. */
export async function createCase(userId: string, input: NewCase) {
  const created = await tryCreateCase(userId, input);
  if (!created.ok) throw new Error(`case limit reached (${created.limit})`);
  return created.case;
}

export async function renameCase(userId: string, caseId: string, title: string): Promise<boolean> {
  const existing = await getOwnedCase(userId, caseId);
  if (!existing) return false;
  const { count } = await db.case.updateMany({
    where: { id: caseId, userId },
    data: { title, version: { increment: 1 }, editedAt: new Date() },
  });
  if (count === 1) await refreshProgress(userId, caseId);
  return count === 1;
}

/** Records where the user is, so reopening the case resumes there. Not an edit: the version stays. */
export async function setCurrentStep(userId: string, caseId: string, step: StepId): Promise<boolean> {
  const { count } = await db.case.updateMany({
    where: { id: caseId, userId, currentStep: { not: step } },
    data: { currentStep: step },
  });
  return count === 1 || (await getOwnedCase(userId, caseId)) !== null;
}

/**
 * Records that the case's contents changed outside the step forms (orders,
 * evidence): "last edited" moves, and so does anything derived from it later.
 * The version stays: these edits cannot clash with a form's autosave.
 */
export async function touchCase(userId: string, caseId: string): Promise<void> {
  await db.case.updateMany({ where: { id: caseId, userId }, data: { editedAt: new Date() } });
  await refreshProgress(userId, caseId);
}

/** Recomputes the stored completion and status from the case and its other tables. */
async function refreshProgress(userId: string, caseId: string): Promise<void> {
  const c = await getOwnedCase(userId, caseId);
  if (!c) return;
  const now = new Date();
  const facts = await caseFacts(caseId);
  await db.case.update({ where: { id: caseId }, data: { completion: completionPercent(stepStates(c, now, facts)), status: caseStatus(c, now, facts) } });
}

/** Deletes the case, its rows (by cascade) and every stored file under its prefix. */
export async function deleteCase(userId: string, caseId: string): Promise<boolean> {
  if (!(await deleteCaseCounted(userId, caseId))) return false;
  // Rows first: a crash between the two leaves orphaned bytes (harmless, collectable),
  // never a case pointing at files that are gone.
  await blobStore().deletePrefix(casePrefix(caseId));
  return true;
}
