'use client';

import { useTranslations } from 'next-intl';
import type { RowError } from '@/lib/orders/import/import-orders';

/** Rows and cells that could not be read, each with where it is and the reason; the rest imported. */
export function RowErrorList({ errors, total, title }: { errors: RowError[]; total: number; title?: string }) {
  const t = useTranslations('orders.import');
  if (total <= 0) return null;
  return (
    <details className="section-block" open={total <= 10} data-testid={title ? 'import-notes' : 'row-errors'}>
      <summary>{title ?? t('rowErrorsTitle', { count: total })}</summary>
      <ul>
        {errors.map((e, i) => (
          <li key={i}>
            {e.line === undefined
              ? t('rowError', { row: e.rowNumber, column: e.column ?? '—', reason: t(`rowErrorCodes.${e.code}`) })
              : t('lineError', { line: e.line, reason: t(`rowErrorCodes.${e.code}`) })}
          </li>
        ))}
      </ul>
      {total > errors.length && <p className="hint">{t('moreRowErrors', { count: total - errors.length })}</p>}
    </details>
  );
}
