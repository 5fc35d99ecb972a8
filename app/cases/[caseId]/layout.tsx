import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { loadOwnedCase } from '@/lib/cases/load';
import { stepStates } from '@/lib/cases/completion';
import { caseFacts } from '@/lib/cases/facts';
import { DeadlineBadge } from '@/components/cases/deadline-badge';
import { StepNav } from '@/components/cases/step-nav';

export default async function CaseLayout({ children, params }: { children: ReactNode; params: Promise<{ caseId: string }> }) {
  const { caseId } = await params;
  const [{ case: found }, t] = await Promise.all([loadOwnedCase(caseId, `/cases/${caseId}`), getTranslations()]);
  return (
    <>
      <div className="case-head">
        <h1 data-testid="case-title">{found.title}</h1>
        <span className="muted">
          {t(`platforms.${found.platform}`)} · {t('cases.deadline')} <DeadlineBadge deadline={found.appealDeadline} now={new Date()} />
        </span>
      </div>
      <div className="case-layout">
        <StepNav caseId={caseId} states={stepStates(found, new Date(), await caseFacts(caseId))} />
        <div>{children}</div>
      </div>
    </>
  );
}
