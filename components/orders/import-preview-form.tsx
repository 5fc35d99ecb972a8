'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { confirmImportAction } from '@/app/cases/[caseId]/order-actions';
import { ORDER_FIELDS, type OrderField } from '@/lib/orders/types';
import { FormAlert } from '@/components/ui/form-alert';
import { capMessage } from './cap-message';
import { ImportBrokenRows } from './import-broken-rows';
import { useImportChoices, type Upload } from './import-choices';
import { ImportPreviewTable } from './import-preview-table';
import { RowErrorList } from './row-error-list';

type Props = { caseId: string; upload: Upload; onDone: () => void; onCancel: () => void };

/** The mapping, the rows as they will be stored, the rows held back; confirm imports exactly that. */
export function ImportPreviewForm({ caseId, upload, onDone, onCancel }: Props) {
  const t = useTranslations('orders.import');
  const tf = useTranslations('orders.fields');
  const tq = useTranslations('quota');
  const choices = useImportChoices(caseId, upload);
  const { mapping, preview } = choices;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function confirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const outcome = await confirmImportAction({
        caseId, importId: upload.importId, fileName: upload.fileName, mapping, keepPersonalData: choices.keepPersonalData,
        fixes: choices.fixes, flagged: new FormData(event.currentTarget).get('flagged') === 'on',
      });
      if (outcome.ok) onDone();
      else setError(t(`errors.${outcome.error}`));
    } catch {
      setError(t('errors.network'));
    } finally {
      setBusy(false);
    }
  }

  // A column feeds one field: choosing it for another field takes it away from the first.
  const setField = (field: OrderField, value: string) => {
    const index = value === '' ? null : Number(value);
    const freed = ORDER_FIELDS.filter((other) => index !== null && other !== field && mapping[other] === index);
    choices.setMapping({ ...mapping, ...Object.fromEntries(freed.map((other) => [other, null])), [field]: index });
  };

  return (
    <form onSubmit={confirm} className="section-block" data-testid="import-preview" aria-busy={choices.checking}>
      <p>{t('found', { file: upload.fileName, encoding: preview.encoding, orders: preview.orderCount, errors: preview.rowErrorCount })}</p>
      <div className="mapping-grid">
        {ORDER_FIELDS.map((field) => (
          <label key={field}>
            <span>{tf(field)}</span>
            <select value={mapping[field] ?? ''} onChange={(e) => setField(field, e.target.value)} aria-label={t('columnFor', { field: tf(field) })}>
              <option value="">{t('notImported')}</option>
              {upload.headers.map((header, index) => (
                <option key={index} value={index}>{header || t('column', { n: index + 1 })}</option>
              ))}
            </select>
          </label>
        ))}
      </div>
      <p className="hint" role="status">{choices.checking ? t('checking') : ''}</p>
      <FormAlert message={choices.failed ? t(`errors.${choices.failed}`) : null} />
      <ImportPreviewTable table={preview.table} />
      <ImportBrokenRows
        rows={upload.brokenRows} total={upload.brokenRowCount} current={preview.brokenRows}
        corrections={choices.corrections} skips={choices.skips} onCorrect={choices.correct} onSkip={choices.skip}
      />
      <RowErrorList errors={preview.rowErrors} total={preview.rowErrorCount - preview.brokenRowCount} />
      <RowErrorList errors={preview.notes} total={preview.noteCount} title={t('notesTitle', { count: preview.noteCount })} />
      <p><label><input type="checkbox" checked={choices.keepPersonalData} onChange={(e) => choices.setKeepPersonalData(e.target.checked)} /> {t('keepPersonalData')}</label></p>
      <p><label><input type="checkbox" name="flagged" /> {t('allFlagged')}</label></p>
      <FormAlert message={error} />
      {preview.cap && <p className="alert alert-error" role="alert" data-testid="import-over-cap">{capMessage(tq, preview.cap)}</p>}
      <button type="submit" className="btn btn-primary" disabled={busy || choices.checking || !!preview.cap}>{t('confirm', { orders: preview.orderCount })}</button>{' '}
      <button type="button" className="btn" onClick={onCancel}>{t('cancel')}</button>
    </form>
  );
}
