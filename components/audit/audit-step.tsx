import { getFormatter, getTranslations } from 'next-intl/server';
import { deletePromotionAction, setShipFromAction } from '@/app/cases/[caseId]/audit-actions';
import { PROVINCES } from '@/lib/audit/province';
import { runCaseAudit } from '@/lib/audit/case-audit';
import { FindingNote } from './finding-note';
import { PromotionsForm } from './promotions-form';

const SHOWN_ORDERS = 12;
/** Findings listed per rule: a shop with thousands of one kind needs the pattern, not a page that never ends. */
const SHOWN_PER_RULE = 25;

/** Step 3: the shop's orders as the platform's risk model sees them. A report: it hides and changes nothing. */
export async function AuditStep({ caseId }: { caseId: string }) {
  const [t, format, audit] = await Promise.all([getTranslations('audit'), getFormatter(), runCaseAudit(caseId)]);
  const { findings, promotions, stats } = audit;
  const bySeverity = (s: string) => findings.filter((f) => f.severity === s).length;
  const perRule = new Map<string, number>();
  const shown = findings.filter((f) => {
    const n = (perRule.get(f.rule) ?? 0) + 1;
    perRule.set(f.rule, n);
    return n <= SHOWN_PER_RULE;
  });
  const hidden = [...perRule].filter(([, n]) => n > SHOWN_PER_RULE).map(([rule, n]) => ({ rule, count: n - SHOWN_PER_RULE }));
  const money = (cents: unknown) => format.number(Number(cents) / 100, { style: 'currency', currency: 'CNY' });

  return (
    <section className="card" aria-labelledby="step-title">
      <h2 id="step-title">{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      <p data-testid="audit-summary">
        {t('summary', { orders: stats.orders, findings: findings.length, high: bySeverity('high'), medium: bySeverity('medium'), low: bySeverity('low') })}
      </p>

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

      {findings.length === 0 ? (
        <p className="section-block empty-value">{stats.orders === 0 ? t('noOrders') : t('noFindings')}</p>
      ) : (
        <ol className="finding-list section-block" data-testid="findings">
          {shown.map((f) => {
            // ICU select needs strings; money is shown in yuan.
            const params = {
              ...Object.fromEntries(Object.entries(f.params).map(([k, v]) => [k, typeof v === 'boolean' ? String(v) : v])),
              reason: String(f.params.reason ?? 'noneInExport'),
              value: f.rule === 'amountOutlier' ? money(f.params.value) : String(f.params.value ?? ''),
              median: money(f.params.median),
            };
            return (
              <li key={f.id} className={`finding finding-${f.severity}`} data-rule={f.rule}>
                <div className="step-head">
                  <h3>{t(`rules.${f.rule}.title`)}</h3>
                  <span className={`badge badge-severity-${f.severity}`}>{t(`severity.${f.severity}`)}</span>
                </div>
                <p>{t(`rules.${f.rule}.detail`, params)}</p>
                <p className="hint">{t(`rules.${f.rule}.why`)}</p>
                {f.explainedByPromotion && <p className="alert alert-warn">{t('explainedByPromotion')}</p>}
                {f.params.masked === true && <p className="hint">{t('masked')}</p>}
                <p className="hint">
                  {t('orders', { count: f.orderNos.length, flagged: f.flaggedOrders })}{' '}
                  <span className="mono">{f.orderNos.slice(0, SHOWN_ORDERS).join('、')}</span>
                  {f.orderNos.length > SHOWN_ORDERS && ` ${t('moreOrders', { count: f.orderNos.length - SHOWN_ORDERS })}`}
                </p>
                <FindingNote caseId={caseId} findingId={f.id} initial={f.note} />
              </li>
            );
          })}
        </ol>
      )}
      {hidden.length > 0 && (
        <ul className="hint" data-testid="hidden-findings">
          {hidden.map(({ rule, count }) => (
            <li key={rule}>{t('moreFindings', { count, title: t(`rules.${rule}.title`), shown: SHOWN_PER_RULE })}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
