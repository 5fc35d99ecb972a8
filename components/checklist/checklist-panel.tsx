import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { RequirementStatus, RuleDocument } from '@/lib/platforms';
import { ReasonForm } from './reason-form';

// PLATFORMS.md writes some rule addresses as a bare host and path; others are not addresses at all.
const HOST_PATH = /^[a-z0-9.-]+\.[a-z]{2,}(\/\S*)?$/i;

function ruleHref(document: RuleDocument): string | null {
  return document.url && HOST_PATH.test(document.url) ? `https://${document.url}` : null;
}

type Props = { caseId: string; statuses: RequirementStatus[] | null };

/** What the platform's rule asks for, given the accusations picked on the basics step, and how far the files answer it. */
export async function ChecklistPanel({ caseId, statuses }: Props) {
  const [t, tr] = await Promise.all([getTranslations('checklistUi.evidence'), getTranslations('checklists.requirements')]);
  return (
    <div className="section-block" data-testid="checklist">
      <h3>{t('title')}</h3>
      {statuses === null ? (
        <p className="hint">
          {t.rich('pickAccusation', { link: (chunks) => <Link href={`/cases/${caseId}/basics#field-accusations`}>{chunks}</Link> })}
        </p>
      ) : (
        <ul className="checklist">
          {statuses.map(({ item, state, exhibits, orders, reason }) => {
            const href = item.source ? ruleHref(item.source.document) : null;
            const sourceTitle = item.source ? item.source.document.titles.join(' ') : t('ourAdvice');
            return (
              <li key={item.id} data-state={state} data-requirement={item.id}>
                <span className="state">{t(`state.${state}`)}</span>
                <span>
                  {tr(item.id)}
                  {item.optional && <span className="hint"> {t('optional')}</span>}
                </span>
                <span className="detail hint">
                  {t('source')}
                  {href ? (
                    <a href={href} target="_blank" rel="noreferrer">{sourceTitle}</a>
                  ) : (
                    sourceTitle
                  )}
                  {exhibits.length > 0 && <> · {t('answeredBy', { ids: exhibits.map((e) => e.label).join('、') })}</>}
                  {orders && <> · {t('ordersCovered', { covered: orders.covered, total: orders.total })}</>}
                </span>
                {reason && <span className="detail" data-testid="checklist-reason">{t('reason', { reason })}</span>}
                {/* Optional support never warns, so it needs no excuse. */}
                {(state !== 'met' || reason) && !item.optional && <ReasonForm caseId={caseId} requirementId={item.id} reason={reason ?? ''} />}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
