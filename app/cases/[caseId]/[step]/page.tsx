import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { loadOwnedCase } from '@/lib/cases/load';
import { setCurrentStep } from '@/lib/cases/repository';
import { isStepId, nextStep, previousStep } from '@/lib/cases/steps';

export default async function StepPage({ params }: { params: Promise<{ caseId: string; step: string }> }) {
  const { caseId, step } = await params;
  if (!isStepId(step)) notFound();
  const { user } = await loadOwnedCase(caseId, `/cases/${caseId}/${step}`);
  // Remember where the user is, so reopening the case (here or on another device) resumes here.
  await setCurrentStep(user.id, caseId, step);
  const t = await getTranslations('steps');
  const prev = previousStep(step);
  const next = nextStep(step);
  return (
    <section className="card" aria-labelledby="step-title">
      <h2 id="step-title">{t(`${step}.title`)}</h2>
      <p className="muted">{t(`${step}.intro`)}</p>
      <p className="alert alert-warn">{t('comingSoon')}</p>
      <div className="step-footer">
        {prev ? <Link className="btn" href={`/cases/${caseId}/${prev}`}>← {t(`${prev}.title`)}</Link> : <span />}
        {next && <Link className="btn btn-primary" href={`/cases/${caseId}/${next}`}>{t(`${next}.title`)} →</Link>}
      </div>
    </section>
  );
}
