import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { acknowledgedCodes, basicsValues, statementValues, type CaseFacts, type CaseRecord } from '@/lib/cases/snapshot';
import { blockingProblems, reviewProblems, type Problem } from '@/lib/cases/review';
import { statementText } from '@/lib/cases/statement-text';
import { STATEMENT_SECTIONS, type StatementValues } from '@/lib/schemas/steps/statement';
import { shortBox } from '@/lib/statement/draft-offer';
import { toDisplay } from '@/lib/statement/references';
import { ShortVersion } from '@/components/statement/short-version';
import { latestExport } from '@/lib/export/run';
import { platformProfile } from '@/lib/platforms/profiles';
import { ExportPanel } from '@/components/export/export-panel';
import { exportSpace } from '@/lib/export/space';
import { AcknowledgeWarnings } from './acknowledge-warnings';

type Props = { caseId: string; version: number; record: CaseRecord; facts: CaseFacts; now: Date };

const BASICS_FIELDS = ['title', 'platform', 'shopName', 'shopId', 'incidentKind', 'incidentDetail', 'noticeNumber', 'noticeDate', 'appealDeadline', 'noticeText', 'contactName', 'contactPhone'] as const;
// The notice can run to 10,000 characters: the review shows its start, the bundle prints it whole.
const NOTICE_PREVIEW = 300;

/** Everything entered, grouped by step with edit links, and the problems that stand before export. */
export async function ReviewStep({ caseId, version, record, facts, now }: Props) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const problems = reviewProblems(record, now, facts);
  const blocking = blockingProblems(record, now, facts);
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');
  const advice = problems.filter((p) => p.severity === 'advice');
  const basics = basicsValues(record);
  // As the editor shows it: exhibits by their current ids, a deleted one in words, never a raw key.
  const stored = statementValues(record);
  const statement = Object.fromEntries(STATEMENT_SECTIONS.map((s) => [s, toDisplay(stored[s], facts.exhibits ?? [], t('statementRefs.deletedToken'))])) as StatementValues;
  const { count, limit } = statementText(record, facts.exhibits);

  const editLink = (p: Pick<Problem, 'step' | 'field'>) => `/cases/${caseId}/${p.step}?check=1${p.field ? `#field-${p.field}` : ''}`;
  const problemText = (p: Problem) => {
    const params = { ...p.params } as Record<string, string | number>;
    if (p.step === 'basics' && p.field) params.field = t(`basics.fields.${p.field}`);
    if (p.step === 'statement' && p.field) params.section = t(`statement.sections.${p.field}.label`);
    if (p.code.startsWith('checklist.')) params.requirement = t(`checklists.requirements.${String(params.requirement)}`);
    return t(`review.problems.${p.message}`, params);
  };
  const shown = (field: (typeof BASICS_FIELDS)[number]) => {
    const value = basics[field];
    if (!value.trim()) return <span className="empty-value">{t('review.empty')}</span>;
    if (field === 'platform') return t(`platforms.${value}`);
    if (field === 'incidentKind') return t(`basics.incident.${value}`);
    if (field === 'noticeDate' || field === 'appealDeadline') return format.dateTime(new Date(`${value}T00:00:00Z`), { dateStyle: 'long', timeZone: 'UTC' });
    if (field === 'noticeText') {
      const chars = Array.from(value.trim());
      return chars.length > NOTICE_PREVIEW ? `${chars.slice(0, NOTICE_PREVIEW).join('')}…` : chars.join('');
    }
    return value;
  };

  return (
    <section className="card" aria-labelledby="step-title">
      <h2 id="step-title">{t('review.title')}</h2>
      <div role="status" data-testid="review-status" data-ready={blocking.length === 0}>
        {blocking.length === 0 ? (
          <p className="alert" style={{ background: '#e3f4ea', color: 'var(--ok)' }}>{t('review.ready')}</p>
        ) : (
          <p className="alert alert-warn">{t('review.blocked', { count: blocking.length })}</p>
        )}
      </div>

      {errors.length > 0 && (
        <div className="section-block">
          <h3>{t('review.errorsTitle')}</h3>
          <ul className="problem-list" data-testid="review-errors">
            {errors.map((p) => (
              <li key={p.code} className="problem problem-error">
                <span>{problemText(p)}</span>
                <Link href={editLink(p)}>{t('review.fix')}</Link>
              </li>
            ))}
          </ul>
        </div>
      )}
      {warnings.length > 0 && (
        <AcknowledgeWarnings caseId={caseId} version={version} initial={acknowledgedCodes(record)} warnings={warnings.map((p) => ({ code: p.code, text: problemText(p) }))} />
      )}
      {advice.length > 0 && (
        <div className="section-block">
          <h3>{t('review.adviceTitle')}</h3>
          <p className="hint">{t('review.adviceHint')}</p>
          <ul className="problem-list" data-testid="review-advice">
            {advice.map((p) => (
              <li key={p.code} className="problem" data-code={p.code}>
                <span>{problemText(p)}</span>
                <Link href={editLink(p)}>{t('review.edit')}</Link>
              </li>
            ))}
          </ul>
        </div>
      )}

      <ExportPanel caseId={caseId} blocked={blocking.length > 0} maxBundleMB={platformProfile(record.platform).maxBundleMB} hasEvidence={facts.evidenceCount > 0} initial={await latestExport(caseId)} space={await exportSpace(caseId)} />

      <div className="section-block review-group">
        <div className="step-head">
          <h3>{t('steps.basics.title')}</h3>
          <Link href={`/cases/${caseId}/basics`}>{t('review.edit')}</Link>
        </div>
        <dl>
          {BASICS_FIELDS.filter((f) => f !== 'incidentDetail' || basics.incidentKind === 'other').map((field) => (
            <div key={field} style={{ display: 'contents' }}>
              <dt>{t(`basics.fields.${field}`)}</dt>
              <dd>{shown(field)}</dd>
            </div>
          ))}
        </dl>
      </div>

      <div className="section-block review-group">
        <div className="step-head">
          <h3>{t('steps.orders.title')}</h3>
          <Link href={`/cases/${caseId}/orders`}>{t('review.edit')}</Link>
        </div>
        <p>{t('review.orderCounts', { all: facts.orderCount, flagged: facts.flaggedCount })}</p>
      </div>

      {([
        ['audit', t('review.auditSummary')],
        ['evidence', t('review.evidenceCount', { count: facts.evidenceCount })],
        ['logistics', t('review.trackingCount', { tracked: facts.flaggedWithTracking, flagged: facts.flaggedCount })],
      ] as const).map(([step, summary]) => (
        <div key={step} className="section-block review-group">
          <div className="step-head">
            <h3>{t(`steps.${step}.title`)}</h3>
            <Link href={`/cases/${caseId}/${step}`}>{t('review.edit')}</Link>
          </div>
          <p>{summary}</p>
        </div>
      ))}

      <div className="section-block review-group">
        <div className="step-head">
          <h3>{t('steps.statement.title')}</h3>
          <Link href={`/cases/${caseId}/statement`}>{t('review.edit')}</Link>
        </div>
        <p className="hint">{t('statement.count', { count, limit })}</p>
        <dl>
          {STATEMENT_SECTIONS.map((s) => (
            <div key={s} style={{ display: 'contents' }}>
              <dt>{t(`statement.sections.${s}.label`)}</dt>
              <dd>{statement[s].trim() || <span className="empty-value">{t('review.empty')}</span>}</dd>
            </div>
          ))}
        </dl>
      </div>
      {/* Last, as the merchant's last task: pasting it into the platform's box when submitting the bundle. */}
      <ShortVersion values={statement} box={shortBox(record.platform)} />
    </section>
  );
}
