'use client';

import { useTranslations } from 'next-intl';
import type { PreviewTable } from '@/lib/orders/import/import-orders';

/**
 * The first rows as they will be stored (masked, dates and amounts as read). A cell that cannot be
 * read shows the file's text and the reason; a formula-looking cell says it was kept as text.
 */
export function ImportPreviewTable({ table }: { table: PreviewTable }) {
  const t = useTranslations('orders.import');
  const tf = useTranslations('orders.fields');
  return (
    <div className="table-wrap">
      <table className="data-table preview-table">
        <thead>
          <tr>
            <th scope="col">{t('row')}</th>
            {table.columns.map((key) => <th key={key} scope="col">{tf(key)}</th>)}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.rowNumber}>
              <td>{row.rowNumber}</td>
              {table.columns.map((key) => {
                const cell = row.cells[key];
                return (
                  <td key={key} className={cell?.error ? 'problem-error' : cell?.formula ? 'problem-warning' : undefined}>
                    {cell?.text}
                    {cell?.error && <span className="cell-note">{t(`rowErrorCodes.${cell.error}`)}</span>}
                    {cell?.formula && !cell.error && <span className="cell-note">{t('rowErrorCodes.looksLikeFormula')}</span>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
