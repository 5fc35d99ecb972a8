import { getFormatter, getTranslations } from 'next-intl/server';
import { findingMessageParams } from '@/lib/audit/finding-params';
import type { ResolvedFinding } from '@/lib/audit/groups';
import { FindingOverride } from './finding-override';

const SHOWN_ORDERS = 12;

/** One finding of a rule group: what was found, its orders, and what explains it. */
type Props = {
  caseId: string;
  finding: ResolvedFinding;
  ruleInclude: boolean;
  /** The rule's only finding: the rule's explanation is its explanation, no override offered (one kept if stored). */
  alone?: boolean;
};

export async function FindingItem({ caseId, finding: f, ruleInclude, alone = false }: Props) {
  const [t, format] = await Promise.all([getTranslations('audit'), getFormatter()]);
  const params = findingMessageParams(f, (cents) => format.number(cents / 100, { style: 'currency', currency: 'CNY' }));
  const state = !f.include
    ? t('finding.leftOut')
    : f.source === 'rule'
      ? t('finding.usesRule')
      : f.source === 'finding'
        ? t('finding.ownExplanation')
        : t('finding.notExplained');
  return (
    <li className={`finding finding-${f.severity}`} data-finding={f.id}>
      <div className="step-head">
        <p className="finding-detail">{t(`rules.${f.rule}.detail`, params)}</p>
        <span className={`badge badge-severity-${f.severity}`}>{t.has(`severity.${f.severity}`) ? t(`severity.${f.severity}`) : f.severity}</span>
      </div>
      {f.explainedByPromotion && <p className="alert alert-warn">{t('explainedByPromotion')}</p>}
      {f.params.masked === true && <p className="hint">{t('masked')}</p>}
      <p className="hint">
        {t('orders', { count: f.orderNos.length, flagged: f.flaggedOrders })}{' '}
        <span className="mono">{f.orderNos.slice(0, SHOWN_ORDERS).join('、')}</span>
        {f.orderNos.length > SHOWN_ORDERS && ` ${t('moreOrders', { count: f.orderNos.length - SHOWN_ORDERS })}`}
      </p>
      {alone && !f.override ? (
        <p className="hint" data-testid="finding-state">{state}</p>
      ) : (
        <FindingOverride caseId={caseId} findingId={f.id} override={f.override} inheritedInclude={ruleInclude} state={state} />
      )}
    </li>
  );
}
