'use client';

import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import type { EvidenceCategory } from '@/lib/evidence/categories';
import { exhibitRef, orderRef } from '@/lib/statement/references';
import type { ExhibitInfo } from '@/lib/statement/resolve';

export type PickerExhibit = ExhibitInfo & { category: EvidenceCategory };
type Props = {
  exhibits: readonly PickerExhibit[];
  orders: readonly string[];
  language: 'zh-CN' | 'en';
  /** Inserts the reference's typed form at the cursor of the section's text. */
  onInsert: (reference: string) => void;
  label: string;
};

const SHOWN = 40;

/**
 * "Insert reference": a search over the case's exhibits (id, title, category) and flagged orders.
 * A disclosure rather than a dialog: it opens under its section's text and the text keeps its
 * cursor, so the reference lands where the merchant was typing.
 */
export function ReferencePicker({ exhibits, orders, language, onInsert, label }: Props) {
  const t = useTranslations('statementRefs');
  const tc = useTranslations('evidence.categories');
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const id = useId();
  const q = query.trim().toLowerCase();
  const matches = (...fields: string[]) => q === '' || fields.some((f) => f.toLowerCase().includes(q));
  const foundExhibits = exhibits.filter((x) => matches(x.exhibitId, x.title, tc(`${x.category}.name`))).slice(0, SHOWN);
  const foundOrders = orders.filter((no) => matches(no)).slice(0, SHOWN);
  const pick = (reference: string) => {
    onInsert(reference);
    setOpen(false);
    setQuery('');
  };

  return (
    <div className="ref-picker">
      <button type="button" className="btn btn-small" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)} aria-label={`${t('insert')}: ${label}`}>
        {t('insert')}
      </button>
      {open && (
        <div id={id} className="ref-panel" role="group" aria-label={t('pickerTitle')} onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
          <input type="search" className="ref-search" aria-label={t('search')} placeholder={t('search')} value={query} onChange={(e) => setQuery(e.target.value)} autoFocus />
          {foundExhibits.length + foundOrders.length === 0 && <p className="hint">{t('noMatch')}</p>}
          {foundExhibits.length > 0 && (
            <ul className="ref-options" aria-label={t('exhibits')}>
              {foundExhibits.map((x) => (
                <li key={x.evidenceId}>
                  <button type="button" className="ref-option" onClick={() => pick(exhibitRef(x.exhibitId))}>
                    <strong>{x.exhibitId}</strong> <span>{x.title}</span> <span className="hint">{tc(`${x.category}.name`)}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          {foundOrders.length > 0 && (
            <ul className="ref-options" aria-label={t('orders')}>
              {foundOrders.map((no) => (
                <li key={no}>
                  <button type="button" className="ref-option" onClick={() => pick(orderRef(no, language))}>
                    {t('order', { orderNo: no })}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <button type="button" className="btn btn-small" onClick={() => setOpen(false)}>{t('close')}</button>
        </div>
      )}
    </div>
  );
}
