'use client';

import Link from 'next/link';
import { useSelectedLayoutSegment } from 'next/navigation';
import { useTranslations } from 'next-intl';
import type { StepState } from '@/lib/cases/completion';
import { STEP_IDS, type StepId } from '@/lib/cases/steps';

/** Every step with its state; any step can be jumped to. */
export function StepNav({ caseId, states }: { caseId: string; states: Record<StepId, StepState> }) {
  const t = useTranslations();
  const current = useSelectedLayoutSegment();
  return (
    <nav className="stepper" aria-label={t('steps.navLabel')}>
      <ol>
        {STEP_IDS.map((step, index) => (
          <li key={step} className={`state-${states[step]}`}>
            <Link href={`/cases/${caseId}/${step}`} aria-current={current === step ? 'step' : undefined}>
              <span className="step-no" aria-hidden="true">{index + 1}</span>
              <span>
                {t(`steps.${step}.title`)}
                <span className="step-state">{t(`stepState.${states[step]}`)}</span>
              </span>
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
