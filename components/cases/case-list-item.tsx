import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { toCaseStatus } from '@/lib/cases/status';
import { isStepId, FIRST_STEP } from '@/lib/cases/steps';
import { CaseActions } from './case-actions';
import { DeadlineBadge } from './deadline-badge';

type CaseSummary = {
  id: string;
  title: string;
  platform: string;
  status: string;
  appealDeadline: Date | null;
  completion: number;
  currentStep: string;
  editedAt: Date;
};

export async function CaseListItem({ item, now }: { item: CaseSummary; now: Date }) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const step = isStepId(item.currentStep) ? item.currentStep : FIRST_STEP;
  return (
    <li className="case-item" data-testid="case-item">
      <div>
        <h3>
          <Link href={`/cases/${item.id}`}>{item.title}</Link>
        </h3>
        <dl className="case-meta">
          <div><dt>{t('cases.platform')}</dt><dd>{t(`platforms.${item.platform}`)}</dd></div>
          <div><dt>{t('cases.status')}</dt><dd>{t(`caseStatus.${toCaseStatus(item.status)}`)}</dd></div>
          <div><dt>{t('cases.deadline')}</dt><dd><DeadlineBadge deadline={item.appealDeadline} now={now} /></dd></div>
          <div><dt>{t('cases.lastEdited')}</dt><dd>{format.relativeTime(item.editedAt, now)}</dd></div>
          <div><dt>{t('cases.resumeAt')}</dt><dd>{t(`steps.${step}.title`)}</dd></div>
        </dl>
        <div style={{ marginTop: '0.5rem' }}>
          <span className="muted" style={{ fontSize: '0.85rem' }}>{t('cases.completion', { percent: item.completion })}</span>
          <div className="progress" role="progressbar" aria-valuenow={item.completion} aria-valuemin={0} aria-valuemax={100} aria-label={t('cases.completionLabel')}>
            <span style={{ width: `${item.completion}%` }} />
          </div>
        </div>
      </div>
      <CaseActions caseId={item.id} title={item.title} />
    </li>
  );
}
