import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { GroupView } from '@/lib/audit/audit-view';
import { ruleNoteId } from '@/lib/audit/groups';
import { SEVERITIES } from '@/lib/audit/types';
import { FindingItem } from './finding-item';
import { NoteEditor } from './note-editor';

type Props = {
  caseId: string;
  group: GroupView;
  /** The link to another page of this group, keeping the other groups' pages. */
  pageHref: (page: number) => string;
};

/**
 * One rule's findings: what it looks for and why, one explanation for all of them, and one page of
 * the findings, each of which can be explained differently.
 */
export async function RuleGroupCard({ caseId, group, pageHref }: Props) {
  const t = await getTranslations('audit');
  const { items, page: current, pages } = group;
  const worst = SEVERITIES.find((s) => (group.severities[s] ?? 0) > 0) ?? 'low';
  const title = t(`rules.${group.rule}.title`);
  const severityName = (s: string) => (t.has(`severity.${s}`) ? t(`severity.${s}`) : s);
  return (
    <section className={`rule-group finding-${worst}`} id={`rule-${group.rule}`} data-rule={group.rule} aria-labelledby={`rule-${group.rule}-title`}>
      <div className="step-head">
        <h3 id={`rule-${group.rule}-title`}>{title}</h3>
        <span className={`badge ${group.answered ? 'badge-ok' : 'badge-soon'}`} data-testid="group-state">
          {group.answered ? t('group.answered') : t('group.open')}
        </span>
      </div>
      <p className="hint">{t(`rules.${group.rule}.why`)}</p>
      <p className="rule-counts" data-testid="group-counts">
        {t('group.counts', { findings: group.findingCount, orders: group.orderCount, flagged: group.flaggedCount })}
        <span className="severity-mix">
          {SEVERITIES.filter((s) => group.severities[s]).map((s) => (
            <span key={s} className={`badge badge-severity-${s}`}>{severityName(s)} {group.severities[s]}</span>
          ))}
        </span>
      </p>
      <NoteEditor
        caseId={caseId}
        noteId={ruleNoteId(group.rule)}
        initial={group.ruleNote ?? { explanation: '', include: group.include }}
        label={group.findingCount > 1 ? t('group.ruleLabel', { count: group.findingCount }) : t('group.ruleLabelOne')}
        hint={group.findingCount > 1 ? t('group.ruleHint') : undefined}
        includeLabel={t('group.include')}
      />
      <ol className="finding-list">
        {items.map((f) => <FindingItem key={f.id} caseId={caseId} finding={f} ruleInclude={group.include} alone={group.findingCount === 1} />)}
      </ol>
      {pages > 1 && (
        <nav className="group-pager" aria-label={t('group.pagerLabel', { title })}>
          {current > 1 ? <Link className="btn" href={pageHref(current - 1)} scroll={false}>← {t('group.prev')}</Link> : <span />}
          <span className="hint" data-testid="group-page">{t('group.page', { page: current, pages })}</span>
          {current < pages ? <Link className="btn" href={pageHref(current + 1)} scroll={false}>{t('group.next')} →</Link> : <span />}
        </nav>
      )}
    </section>
  );
}
