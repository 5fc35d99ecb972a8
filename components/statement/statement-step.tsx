import { getTranslations } from 'next-intl/server';
import { referenceTemplates, statementHeadings, statementText } from '@/lib/cases/statement-text';
import { statementValues, type CaseRecord } from '@/lib/cases/snapshot';
import { platformProfile } from '@/lib/platforms/profiles';
import { STATEMENT_SECTIONS, type StatementValues } from '@/lib/schemas/steps/statement';
import { shortBox, statementDraftOffer } from '@/lib/statement/draft-offer';
import { caseExhibits, flaggedOrderNumbers } from '@/lib/statement/exhibits';
import { toDisplay } from '@/lib/statement/references';
import { StatementForm } from '@/components/steps/statement-form';

type Props = { caseId: string; version: number; record: CaseRecord; showAllErrors: boolean };

/** The statement step: the form, with stored references shown as the exhibits' current ids, the draft offer and the short version's box. */
export async function StatementStep({ caseId, version, record, showAllErrors }: Props) {
  const stored = statementValues(record);
  const [exhibits, orders, offer, t] = await Promise.all([caseExhibits(caseId), flaggedOrderNumbers(caseId), statementDraftOffer(caseId, stored), getTranslations('statementRefs')]);
  // A deleted exhibit's key shows as "[已删除的证据]": the save keeps it as a reference the review flags.
  const initial = Object.fromEntries(STATEMENT_SECTIONS.map((s) => [s, toDisplay(stored[s], exhibits, t('deletedToken'))])) as StatementValues;
  const references = { exhibits, orders, language: platformProfile(record.platform).documentLanguage, templates: referenceTemplates(record.platform) };
  return (
    <StatementForm caseId={caseId} version={version} initial={initial} limit={statementText(record).limit} headings={statementHeadings(record.platform)} showAllErrors={showAllErrors} references={references} offer={offer} box={shortBox(record.platform)} />
  );
}
