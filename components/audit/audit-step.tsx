import { getFormatter, getTranslations } from 'next-intl/server';
import { deletePromotionAction, setShipFromAction } from '@/app/cases/[caseId]/audit-actions';
import { PROVINCES } from '@/lib/audit/province';
import { runCaseAudit } from '@/lib/audit/case-audit';
import type { RuleId } from '@/lib/audit/types';
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
  const [t, format, audit] = await Promise.all([getTranslations('audit'), getFormatter(), runCaseAudit(caseId)]);
  const { groups, promotions, stats } = audit;
  const pageHref = (rule: RuleId) => (page: number) => {
    const query = new URLSearchParams(Object.entries(searchParams).filter((e): e is [string, string] => e[1] !== undefined));
    query.set(pageParam(rule), String(page));
    return `/cases/${caseId}/audit?${query.toString()}#rule-${rule}`;
  };

  return (
    <section className="card" aria-labelledby="step-title">
      <h2 id="step-title">{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      <p data-testid="audit-summary">
        {t('summary', { orders: stats.orders, findings: audit.findingCount, groups: groups.length, answered: groups.filter((g) => g.answered).length })}
      </p>
      <UncheckedContacts contacts={stats.contacts} />

      <form action={setShipFromAction} className="section-block" data-testid="ship-from">
        <input type="hidden" name="caseId" value={caseId} />
        <label htmlFor="ship-from-province"><strong>{t('shipFrom.label')}</strong></label>
        <p className="hint">{t('shipFrom.hint')}</p>
        <select id="ship-from-province" name="shipFromProvince" defaultValue={audit.shipFromProvince}>
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

      {groups.length === 0 ? (
        <p className="section-block empty-value">{stats.orders === 0 ? t('noOrders') : t('noFindings')}</p>
      ) : (
        <div className="section-block rule-groups" data-testid="findings">
          {groups.map((g) => (
            <RuleGroupCard key={g.rule} caseId={caseId} group={g} page={Number(searchParams[pageParam(g.rule)] ?? 1)} pageHref={pageHref(g.rule)} />
          ))}
        </div>
      )}
    </section>
  );
}
