'use server';

import { z } from 'zod';
import { currentUser } from '@/lib/auth/session';
import { saveStep, type SaveResult } from '@/lib/cases/save-step';
import { STEP_IDS } from '@/lib/cases/steps';

const argsSchema = z.object({
  caseId: z.string().min(1).max(64),
  step: z.enum(STEP_IDS),
  baseVersion: z.number().int().positive(),
});

/**
 * Autosave of one step. An expired session is answered, not redirected:
 * a redirect would throw away what the user is typing.
 */
export async function saveStepAction(caseId: string, step: string, baseVersion: number, values: unknown): Promise<SaveResult> {
  const user = await currentUser();
  if (!user) return { ok: false, error: 'unauthenticated' };
  const args = argsSchema.safeParse({ caseId, step, baseVersion });
  if (!args.success) return { ok: false, error: 'notFound' };
  return saveStep(user.id, args.data.caseId, args.data.step, args.data.baseVersion, values);
}
