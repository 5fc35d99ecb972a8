'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { type ImportResult } from '@/app/cases/[caseId]/order-actions';
import { FormAlert } from '@/components/ui/form-alert';
import { ImportPreviewForm } from './import-preview-form';
import type { Upload } from './import-choices';
import { RowErrorList } from './row-error-list';

/** Upload an order export, check the suggested column mapping on a preview, then import. */
export function ImportOrdersForm({ caseId }: { caseId: string }) {
  const t = useTranslations('orders.import');
  const router = useRouter();
  const [upload, setUpload] = useState<Upload | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Extract<ImportResult, { ok: true }> | null>(null);

  async function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setResult(null);
    setBusy(true);
    try {
      const file = new FormData(event.currentTarget).get('file');
      if (!(file instanceof File) || file.name === '') {
        setError(t('errors.noFile'));
        return;
      }
      // The raw file as the body, so the server can count its bytes as they arrive.
      const url = `/api/cases/${caseId}/order-imports?name=${encodeURIComponent(file.name)}`;
      const response = await fetch(url, { method: 'POST', body: file, headers: { 'content-type': 'application/octet-stream' } });
      const body = (await response.json()) as Upload | { error: string };
      if ('error' in body) setError(t(`errors.${body.error}`));
      else setUpload(body);
    } catch {
      setError(t('errors.network'));
    } finally {
      setBusy(false);
    }
  }

  function done(outcome: Extract<ImportResult, { ok: true }>) {
    setResult(outcome);
    setUpload(null);
    router.refresh();
  }

  return (
    <div className="section-block">
      <h3>{t('title')}</h3>
      <p className="hint">{t('hint')}</p>
      <form onSubmit={send}>
        <label htmlFor="order-file" className="sr-only">{t('file')}</label>
        <input id="order-file" type="file" name="file" accept=".csv,.txt,.tsv,.xlsx" required />{' '}
        <button type="submit" className="btn" disabled={busy}>{t('upload')}</button>
      </form>
      <FormAlert message={error} />
      {result && (
        <div role="status" data-testid="import-result">
          <p className="hint">{t('done', { created: result.created, updated: result.updated, errors: result.rowErrorCount })}</p>
          <RowErrorList errors={result.rowErrors} total={result.rowErrorCount} />
        </div>
      )}
      {/* A new upload gets fresh choices: keyed by its id. */}
      {upload && <ImportPreviewForm key={upload.importId} caseId={caseId} upload={upload} onDone={done} onCancel={() => setUpload(null)} />}
    </div>
  );
}
