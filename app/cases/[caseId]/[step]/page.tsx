import Link from 'next/link';
import type { ReactNode } from 'react';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { loadOwnedCase } from '@/lib/cases/load';
import { caseFacts } from '@/lib/cases/facts';
import { setCurrentStep } from '@/lib/cases/repository';
import { statementHeadings, statementText } from '@/lib/cases/statement-text';
import { basicsValues, statementValues } from '@/lib/cases/snapshot';
import { isStepId, nextStep, previousStep, type StepId } from '@/lib/cases/steps';
import { shortBox, statementDraftOffer } from '@/lib/statement/draft-offer';
import { AuditStep } from '@/components/audit/audit-step';
import { EvidenceStep } from '@/components/evidence/evidence-step';
import { LogisticsStep } from '@/components/logistics/logistics-step';
import { OrdersStep } from '@/components/orders/orders-step';
import { BasicsForm } from '@/components/steps/basics-form';
import { ReviewStep } from '@/components/steps/review-step';
import { StatementForm } from '@/components/steps/statement-form';

type Props = { params: Promise<{ caseId: string; step: string }>; searchParams: Promise<Record<string, string | undefined>> };

export default async function StepPage({ params, searchParams }: Props) {
  const { caseId, step } = await params;
  if (!isStepId(step)) notFound();
  const { user, case: found } = await loadOwnedCase(caseId, `/cases/${caseId}/${step}`);
  // Remember where the user is, so reopening the case (here or on another device) resumes here.
  await setCurrentStep(user.id, caseId, step);
  const query = await searchParams;
  const showAllErrors = query.check === '1';
  const t = await getTranslations('steps');

  const bodies: Record<StepId, () => Promise<ReactNode> | ReactNode> = {
    basics: () => <BasicsForm caseId={caseId} version={found.version} initial={basicsValues(found)} showAllErrors={showAllErrors} />,
    orders: () => <OrdersStep caseId={caseId} searchParams={query} />,
    audit: () => <AuditStep caseId={caseId} searchParams={query} />,
    evidence: () => <EvidenceStep caseId={caseId} userId={user.id} />,
    logistics: () => <LogisticsStep caseId={caseId} />,
    statement: async () => (
      <StatementForm caseId={caseId} version={found.version} initial={statementValues(found)} limit={statementText(found).limit} headings={statementHeadings(found.platform)} showAllErrors={showAllErrors} offer={await statementDraftOffer(caseId, statementValues(found))} box={shortBox(found.platform)} />
    ),
    review: async () => <ReviewStep caseId={caseId} version={found.version} record={found} facts={await caseFacts(caseId)} now={new Date()} />,
  };
  const body = await bodies[step]();
  return (
    <>
      {body}
      <StepFooter caseId={caseId} step={step} label={(s) => t(`${s}.title`)} />
    </>
  );
}

function StepFooter({ caseId, step, label }: { caseId: string; step: StepId; label: (s: StepId) => string }) {
  const prev = previousStep(step);
  const next = nextStep(step);
  return (
    <nav className="step-footer" aria-label={label(step)}>
      {prev ? <Link className="btn" href={`/cases/${caseId}/${prev}`}>← {label(prev)}</Link> : <span />}
      {next && <Link className="btn btn-primary" href={`/cases/${caseId}/${next}`}>{label(next)} →</Link>}
    </nav>
  );
}
