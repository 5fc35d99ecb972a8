import { getFormatter, getTranslations } from 'next-intl/server';
import { deletePromotionAction, retryAuditAction, setShipFromAction } from '@/app/cases/[caseId]/audit-actions';
import { PROVINCES } from '@/lib/audit/province';
import { auditState } from '@/lib/audit/audit-job';
import { auditSettings } from '@/lib/audit/case-audit';
import { RULE_IDS, type RuleId } from '@/lib/audit/types';
import { offThread } from '@/lib/jobs/tasks';
import { JobProgress } from '@/components/jobs/job-progress';
import { AuditCharts } from './charts/audit-charts';
import { PromotionsForm } from './promotions-form';
import { RuleGroupCard } from './rule-group';
import { UncheckedContacts } from './unchecked-contacts';

/** The URL parameter holding a rule group's page: each group pages on its own. */
const pageParam = (rule: RuleId) => `p-${rule}`;

/**
 * Step 3: the shop's orders as the platform's risk model sees them, grouped by rule. A report: it
 * hides and changes nothing. Only one page of each group's findings is rendered.
 */
export async function AuditStep({ caseId, searchParams }: { caseId: string; searchParams: Record<string, string | undefined> }) {
  const [t, format, state, { promotions, shipFromProvince }] = await Promise.all([getTranslations('audit'), getFormatter(), auditState(caseId), auditSettings(caseId)]);
  // While the audit job runs (after an import, a new promotion), the page shows its progress.
  const pages = Object.fromEntries(RULE_IDS.map((rule) => [rule, Number(searchParams[pageParam(rule)] ?? 1)]));
  const audit = state.ready ? await offThread('auditView', { caseId, pages }) : null;
  const pageHref = (rule: RuleId) => (page: number) => {
    const query = new URLSearchParams(Object.entries(searchParams).filter((e): e is [string, string] => e[1] !== undefined));
    query.set(pageParam(rule), String(page));
    return `/cases/${caseId}/audit?${query.toString()}#rule-${rule}`;
  };

  return (
    <section className="card" aria-labelledby="step-title">
      <h2 id="step-title">{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      {audit ? (
        <>
          <p data-testid="audit-summary">
            {t('summary', { orders: audit.stats.orders, findings: audit.findingCount, groups: audit.groups.length, answered: audit.groups.filter((g) => g.answered).length })}
          </p>
          <UncheckedContacts contacts={audit.stats.contacts} />
        </>
      ) : !state.ready && state.status === 'failed' ? (
        <form action={retryAuditAction} className="alert" role="alert" data-testid="audit-failed">
          <input type="hidden" name="caseId" value={caseId} />
          <p>{t('running.failed')}</p>
          <button type="submit" className="btn">{t('running.retry')}</button>
        </form>
      ) : (
        <JobProgress testId="audit-running" label={t(state.ready || state.status === 'queued' ? 'running.queued' : 'running.running')} detail={t('running.hint')} progress={state.ready ? 0 : state.progress} />
      )}

      <form action={setShipFromAction} className="section-block" data-testid="ship-from">
        <input type="hidden" name="caseId" value={caseId} />
        <label htmlFor="ship-from-province"><strong>{t('shipFrom.label')}</strong></label>
        <p className="hint">{t('shipFrom.hint')}</p>
        <select id="ship-from-province" name="shipFromProvince" defaultValue={shipFromProvince}>
          <option value="">{t('shipFrom.unknown')}</option>
          {PROVINCES.map((p) => <option key={p} value={p}>{p}</option>)}
        </select>{' '}
        <button type="submit" className="btn">{t('shipFrom.save')}</button>
      </form>

      <div className="section-block">
        <h3>{t('promotions.title')}</h3>
        <p className="hint">{t('promotions.hint')}</p>
        {promotions.length > 0 && (
          <ul className="problem-list">
            {promotions.map((p) => (
              <li key={p.id} className="problem" style={{ background: '#f3f5f8' }}>
                <span>
                  {p.name} · {format.dateTime(p.startsOn, { dateStyle: 'medium', timeZone: 'UTC' })} – {format.dateTime(p.endsOn, { dateStyle: 'medium', timeZone: 'UTC' })}
                  {p.channels && ` · ${p.channels}`}
                </span>
                <form action={deletePromotionAction}>
                  <input type="hidden" name="caseId" value={caseId} />
                  <input type="hidden" name="promotionId" value={p.id} />
                  <button type="submit" className="btn-link btn">{t('promotions.remove')}</button>
                </form>
              </li>
            ))}
          </ul>
        )}
        <PromotionsForm caseId={caseId} />
      </div>

      {audit && <AuditCharts charts={audit.charts} />}

      {audit && audit.groups.length === 0 && <p className="section-block empty-value">{audit.stats.orders === 0 ? t('noOrders') : t('noFindings')}</p>}
      {audit && audit.groups.length > 0 && (
        <div className="section-block rule-groups" data-testid="findings">
          {audit.groups.map((g) => (
            <RuleGroupCard key={g.rule} caseId={caseId} group={g} pageHref={pageHref(g.rule)} />
          ))}
        </div>
      )}
    </section>
  );
}
