'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useActionState, useState } from 'react';
import { deleteEvidenceAction, saveEvidenceDetailsAction } from '@/app/cases/[caseId]/evidence-actions';
import { EVIDENCE_CATEGORIES } from '@/lib/evidence/categories';
import type { ActionResult } from '@/lib/schemas/errors';
import { Field, FieldShell } from '@/components/ui/field';

type Details = { category: string; title: string; documentDate: string; description: string; orderNos: string[] };

/** Flagged orders offered as ticks; more than this and pasting is the practical way. */
const MAX_PICKS = 60;
const IDLE: ActionResult<string[]> = { ok: true };

/** Upload a corrected file in place of this one; what the merchant wrote about it and its links stay. */
function ReplaceFile({ caseId, evidenceId }: { caseId: string; evidenceId: string }) {
  const t = useTranslations('evidence.details');
  const tu = useTranslations('evidence.upload');
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function replace(file: File | undefined) {
    if (!file) return;
    setBusy(true);
    try {
      const response = await fetch(`/api/cases/${caseId}/evidence?replace=${evidenceId}&name=${encodeURIComponent(file.name)}`, { method: 'POST', body: file, headers: { 'content-type': 'application/octet-stream' } });
      const body = (await response.json()) as { ok: boolean; error?: string };
      setMessage(body.ok ? t('replaced') : tu(`errors.${body.error ?? 'network'}`));
      if (body.ok) router.refresh();
    } catch {
      setMessage(tu('errors.network'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="section-block">
      <label htmlFor={`${evidenceId}-replace`}>{t('replace')}</label>{' '}
      <input id={`${evidenceId}-replace`} type="file" disabled={busy} onChange={(e) => void replace(e.target.files?.[0])} />
      <span role="status" aria-live="polite" className="hint" data-testid="replace-status">{message}</span>
    </div>
  );
}

/** Edit what a file is and which orders it proves; delete it (after a confirmation). */
export function EvidenceDetailsForm({ caseId, evidenceId, initial, flaggedOrders, needsTitle = false }: { caseId: string; evidenceId: string; initial: Details; flaggedOrders: string[]; needsTitle?: boolean }) {
  const t = useTranslations('evidence.details');
  const tc = useTranslations('evidence.categories');
  const [state, action, pending] = useActionState(saveEvidenceDetailsAction, IDLE);
  const [confirming, setConfirming] = useState(false);
  const id = (f: string) => `${evidenceId}-${f}`;
  const errors = state.ok ? {} : (state.fieldErrors ?? {});
  return (
    <>
      {/* Shown while the title is still the one made from the file name: a reviewer reads titles, not file names. */}
      {needsTitle && <p className="alert alert-warn" data-testid="needs-title">{t('needsTitle')}</p>}
      <details className="evidence-details">
        <summary>{t('edit', { count: initial.orderNos.length })}</summary>
        <form action={action}>
          <input type="hidden" name="caseId" value={caseId} />
          <input type="hidden" name="evidenceId" value={evidenceId} />
          <div className="form-row">
            <FieldShell id={id('category')} label={t('category')}>
              {(control) => (
                <select {...control} name="category" defaultValue={initial.category}>
                  {EVIDENCE_CATEGORIES.map((c) => <option key={c} value={c}>{tc(`${c}.name`)}</option>)}
                </select>
              )}
            </FieldShell>
            <Field name="title" id={id('title')} label={t('title')} defaultValue={initial.title} maxLength={120} error={errors.title} />
            <Field name="documentDate" id={id('documentDate')} type="date" label={t('documentDate')} defaultValue={initial.documentDate} error={errors.documentDate} />
          </div>
          <FieldShell id={id('description')} label={t('description')}>
            {(control) => <textarea {...control} name="description" rows={2} maxLength={2000} defaultValue={initial.description} />}
          </FieldShell>
          {flaggedOrders.length > 0 && flaggedOrders.length <= MAX_PICKS && (
            <fieldset className="pick-orders">
              <legend>{t('pickFlagged')}</legend>
              {flaggedOrders.map((no) => (
                <label key={no} className="mono">
                  <input type="checkbox" name="pick" value={no} defaultChecked={initial.orderNos.includes(no)} /> {no}
                </label>
              ))}
            </fieldset>
          )}
          <FieldShell id={id('orders')} label={t('orders')} hint={t('ordersHint')}>
            {(control) => (
              <textarea
                {...control}
                name="orderNumbers"
                rows={2}
                defaultValue={initial.orderNos.filter((no) => flaggedOrders.length > MAX_PICKS || !flaggedOrders.includes(no)).join('\n')}
              />
            )}
          </FieldShell>
          <button type="submit" className="btn" disabled={pending}>{t('save')}</button>
          <span role="status" aria-live="polite" className="hint" data-testid="details-status">
            {state.ok && state.data ? ` ${t('saved')}${state.data.length > 0 ? ` ${t('unknownOrders', { orders: state.data.slice(0, 10).join('、') })}` : ''}` : ''}
          </span>
        </form>
        <ReplaceFile caseId={caseId} evidenceId={evidenceId} />
        <form action={deleteEvidenceAction} className="section-block">
          <input type="hidden" name="caseId" value={caseId} />
          <input type="hidden" name="evidenceId" value={evidenceId} />
          {confirming ? (
            <>
              <span>{t('confirmDelete')}</span>{' '}
              <button type="submit" className="btn btn-danger">{t('deleteForGood')}</button>{' '}
              <button type="button" className="btn" onClick={() => setConfirming(false)}>{t('cancel')}</button>
            </>
          ) : (
            <button type="button" className="btn btn-danger" onClick={() => setConfirming(true)}>{t('delete')}</button>
          )}
        </form>
      </details>
    </>
  );
}
