'use client';

import { useTranslations } from 'next-intl';
import type { DocumentLanguage } from '@/lib/i18n/document-messages';
import type { Draft, UsedFact } from '@/lib/statement/draft';
import { STATEMENT_SECTIONS } from '@/lib/schemas/steps/statement';

type Props = { draft: Draft; language: DocumentLanguage; auditPending: boolean; onAccept: () => void };

/**
 * The offer of a starting draft on an empty statement: which facts it is made of, the text itself
 * to read first, and one button that fills the sections. Nothing is written until the merchant asks.
 */
export function DraftOffer({ draft, language, auditPending, onAccept }: Props) {
  const t = useTranslations('statementDraft');
  return (
    <section className="section-block draft-offer" aria-labelledby="draft-offer-title" data-testid="draft-offer">
      <h3 id="draft-offer-title">{t('offer.title')}</h3>
      <p className="hint">{t('offer.intro', { language: t(`languages.${language}`) })}</p>
      <p><strong>{t('offer.factsTitle')}</strong></p>
      <ul data-testid="draft-facts">
        {draft.used.map((fact) => (
          <li key={fact.fact}>
            <FactLine fact={fact} />
          </li>
        ))}
      </ul>
      {auditPending && <p className="hint">{t('offer.auditPending')}</p>}
      <details>
        <summary>{t('offer.preview')}</summary>
        <div className="preview" lang={language}>
          {STATEMENT_SECTIONS.map((s) => draft.sections[s]).filter(Boolean).join('\n\n')}
        </div>
      </details>
      <p>
        <button type="button" className="btn btn-primary" onClick={onAccept}>{t('offer.accept')}</button>
      </p>
    </section>
  );
}

/** One used fact in the merchant's own language (the draft itself is in the document's). */
function FactLine({ fact }: { fact: UsedFact }) {
  const t = useTranslations('statementDraft.facts');
  const names = useTranslations();
  switch (fact.fact) {
    case 'noticeNumber':
    case 'noticeDate':
      return t(fact.fact, { value: fact.value });
    case 'accusations':
      return t('accusations', { kinds: fact.kinds.map((k) => names(`checklists.accusations.${k}`)).join(' · ') });
    case 'coverage':
      return t('coverage', { kinds: fact.kinds.map((k) => names(`logistics.coverage.kinds.${k}`)).join(' · ') });
    case 'flaggedOrders':
      return t('flaggedOrders', { count: fact.count, shown: fact.shown, more: fact.count - fact.shown });
    case 'promotions':
      return t('promotions', { count: fact.count, bursts: fact.bursts });
    case 'explanations':
      return t('explanations', { count: fact.count });
    case 'evidence':
      return t('evidence', { count: fact.count, categories: fact.categories });
  }
}
