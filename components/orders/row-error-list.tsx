'use client';

import { useTranslations } from 'next-intl';
import type { RowError } from '@/lib/orders/import/import-orders';

/** Rows that could not be read, each with its row number and the reason; the rest imported. */
export function RowErrorList({ errors, total }: { errors: RowError[]; total: number }) {
  const t = useTranslations('orders.import');
  if (total === 0) return null;
  return (
    <details className="section-block" open={total <= 10} data-testid="row-errors">
      <summary>{t('rowErrorsTitle', { count: total })}</summary>
      <ul>
        {errors.map((e, i) => (
          <li key={i}>{t('rowError', { row: e.rowNumber, column: e.column ?? '—', reason: t(`rowErrorCodes.${e.code}`) })}</li>
        ))}
      </ul>
      {total > errors.length && <p className="hint">{t('moreRowErrors', { count: total - errors.length })}</p>}
    </details>
  );
}
