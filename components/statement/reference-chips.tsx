'use client';

import { useTranslations } from 'next-intl';
import { resolveReferences, type ExhibitInfo } from '@/lib/statement/resolve';

type Props = { text: string; exhibits: readonly ExhibitInfo[] };

/**
 * The section's references under its text, each with what it points at: a textarea cannot show a
 * hover inside it, so the title is written out (and repeated in the tooltip for a long one), and
 * a reference that will not print says so in words, not only in colour.
 */
export function ReferenceChips({ text, exhibits }: Props) {
  const t = useTranslations('statementRefs');
  const refs = resolveReferences(text, exhibits).filter((s) => s.kind !== 'text');
  if (refs.length === 0) return null;
  return (
    <div className="ref-chips">
      <span className="hint">{t('inSection')}</span>
      <ul>
        {refs.map((s, i) => {
          if (s.kind === 'exhibit')
            return (
              <li key={i} className="ref-chip" title={s.exhibit.title} data-testid="ref-chip">
                <strong>{s.exhibit.exhibitId}</strong> {s.exhibit.title}
              </li>
            );
          if (s.kind === 'order')
            return (
              <li key={i} className="ref-chip" data-testid="ref-chip">
                {t('order', { orderNo: s.orderNo })}
              </li>
            );
          if (s.kind === 'dangling')
            return (
              <li key={i} className="ref-chip ref-chip-dangling" data-testid="ref-chip">
                {s.exhibitId ? t('unknown', { id: s.exhibitId }) : t('deleted')}
              </li>
            );
          return null;
        })}
      </ul>
    </div>
  );
}
