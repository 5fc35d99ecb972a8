import 'server-only';
import { auditState } from '@/lib/audit/audit-job';
import { db } from '@/lib/db/client';
import { offThread } from '@/lib/jobs/tasks';
import { platformProfile } from '@/lib/platforms/profiles';
import { STATEMENT_SECTIONS, type StatementValues } from '@/lib/schemas/steps/statement';
import { composeDraft, type DraftOffer } from './draft';
import type { ShortBox } from './short';

/** Only an empty statement is offered a draft: the merchant's own words are never replaced. */
export function isEmptyStatement(values: StatementValues): boolean {
  return STATEMENT_SECTIONS.every((s) => values[s].trim() === '');
}

/**
 * The draft offered on an empty statement, or null (statement begun, or nothing known to write
 * from). The stored self-check is used when current; a stale one is queued, not computed here.
 */
export async function statementDraftOffer(caseId: string, values: StatementValues): Promise<DraftOffer | null> {
  if (!isEmptyStatement(values)) return null;
  // Without orders there is no self-check to wait for (nor one worth queueing).
  const hasOrders = (await db.order.count({ where: { caseId } })) > 0;
  const ready = hasOrders && (await auditState(caseId)).ready;
  const facts = await offThread('draftFacts', { caseId, audit: ready });
  const draft = composeDraft(facts);
  return draft && { draft, language: facts.language, auditPending: hasOrders && !ready };
}

/** The platform's short box as the statement step shows it. */
export function shortBox(platform: string): ShortBox {
  const profile = platformProfile(platform);
  return { limit: profile.shortTextMaxChars, isDefault: profile.shortTextSource.kind === 'default', language: profile.documentLanguage };
}
