'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { FormAlert } from '@/components/ui/form-alert';
import { ImportPreviewForm } from './import-preview-form';
import type { Upload } from './import-choices';

/**
 * Upload an order export, check the suggested column mapping on a preview, then queue the import:
 * its progress and outcome show on the orders step (ImportStatus), read from the job.
 */
export function ImportOrdersForm({ caseId }: { caseId: string }) {
  const t = useTranslations('orders.import');
  const router = useRouter();
  const [upload, setUpload] = useState<Upload | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
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

  function done() {
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
      {/* A new upload gets fresh choices: keyed by its id. */}
      {upload && <ImportPreviewForm key={upload.importId} caseId={caseId} upload={upload} onDone={done} onCancel={() => setUpload(null)} />}
    </div>
  );
}
