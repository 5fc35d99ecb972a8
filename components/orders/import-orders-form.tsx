'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { confirmImportAction, type ImportResult } from '@/app/cases/[caseId]/order-actions';
import type { ColumnMapping, RowError } from '@/lib/orders/import/import-orders';
import { ORDER_FIELDS, type OrderField } from '@/lib/orders/types';
import { FormAlert } from '@/components/ui/form-alert';
import { RowErrorList } from './row-error-list';

type Preview = {
  importId: string;
  fileName: string;
  encoding: string;
  headers: string[];
  mapping: ColumnMapping;
  preview: { rowNumber: number; cells: string[] }[];
  orderCount: number;
  rowErrors: RowError[];
  rowErrorCount: number;
};

/** Upload an order export, check the suggested column mapping on a preview, then import. */
export function ImportOrdersForm({ caseId }: { caseId: string }) {
  const t = useTranslations('orders.import');
  const tf = useTranslations('orders.fields');
  const router = useRouter();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Extract<ImportResult, { ok: true }> | null>(null);

  async function upload(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setResult(null);
    setBusy(true);
    try {
      const response = await fetch(`/api/cases/${caseId}/order-imports`, { method: 'POST', body: new FormData(event.currentTarget) });
      const body = (await response.json()) as Preview | { error: string };
      if ('error' in body) setError(body.error);
      else {
        setPreview(body);
        setMapping(body.mapping);
      }
    } catch {
      setError('network');
    } finally {
      setBusy(false);
    }
  }

  async function confirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!preview || !mapping) return;
    const data = new FormData(event.currentTarget);
    setBusy(true);
    try {
      const outcome = await confirmImportAction({
        caseId,
        importId: preview.importId,
        fileName: preview.fileName,
        mapping,
        keepPersonalData: data.get('keepPersonalData') === 'on',
        flagged: data.get('flagged') === 'on',
      });
      if (outcome.ok) {
        setResult(outcome);
        setPreview(null);
        router.refresh();
      } else setError(outcome.error);
    } catch {
      setError('network');
    } finally {
      setBusy(false);
    }
  }

  const setField = (field: OrderField, value: string) => mapping && setMapping({ ...mapping, [field]: value === '' ? null : Number(value) });

  return (
    <div className="section-block">
      <h3>{t('title')}</h3>
      <p className="hint">{t('hint')}</p>
      <form onSubmit={upload}>
        <label htmlFor="order-file" className="sr-only">{t('file')}</label>
        <input id="order-file" type="file" name="file" accept=".csv,.txt,.tsv,.xlsx" required />{' '}
        <button type="submit" className="btn" disabled={busy}>{t('upload')}</button>
      </form>
      <FormAlert message={error ? t(`errors.${error}`) : null} />
      {result && (
        <div role="status" data-testid="import-result">
          <p className="hint">{t('done', { created: result.created, updated: result.updated, errors: result.rowErrorCount })}</p>
          <RowErrorList errors={result.rowErrors} total={result.rowErrorCount} />
        </div>
      )}
      {preview && mapping && (
        <form onSubmit={confirm} className="section-block" data-testid="import-preview">
          <p>{t('found', { file: preview.fileName, encoding: preview.encoding, orders: preview.orderCount, errors: preview.rowErrorCount })}</p>
          <div className="mapping-grid">
            {ORDER_FIELDS.map((field) => (
              <label key={field}>
                <span>{tf(field)}</span>
                <select value={mapping[field] ?? ''} onChange={(e) => setField(field, e.target.value)} aria-label={t('columnFor', { field: tf(field) })}>
                  <option value="">{t('notImported')}</option>
                  {preview.headers.map((header, index) => (
                    <option key={index} value={index}>{header || t('column', { n: index + 1 })}</option>
                  ))}
                </select>
              </label>
            ))}
          </div>
          <div className="table-wrap">
            <table className="data-table preview-table">
              <thead>
                <tr>
                  <th scope="col">{t('row')}</th>
                  {ORDER_FIELDS.filter((f) => mapping[f] !== null).map((f) => <th key={f} scope="col">{tf(f)}</th>)}
                </tr>
              </thead>
              <tbody>
                {preview.preview.map((row) => (
                  <tr key={row.rowNumber}>
                    <td>{row.rowNumber}</td>
                    {ORDER_FIELDS.filter((f) => mapping[f] !== null).map((f) => <td key={f}>{row.cells[mapping[f] ?? -1] ?? ''}</td>)}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <RowErrorList errors={preview.rowErrors} total={preview.rowErrorCount} />
          <p><label><input type="checkbox" name="keepPersonalData" /> {t('keepPersonalData')}</label></p>
          <p><label><input type="checkbox" name="flagged" /> {t('allFlagged')}</label></p>
          <button type="submit" className="btn btn-primary" disabled={busy}>{t('confirm', { orders: preview.orderCount })}</button>{' '}
          <button type="button" className="btn" onClick={() => setPreview(null)}>{t('cancel')}</button>
        </form>
      )}
    </div>
  );
}
