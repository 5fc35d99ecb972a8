'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState, type FormEvent } from 'react';
import { saveOrderLogisticsAction } from '@/app/cases/[caseId]/logistics-actions';
import type { ActionResult, FieldErrors } from '@/lib/schemas/errors';
import { Field, FieldShell } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';

const IDLE: ActionResult<string> = { ok: true };

type Values = { carrier: string; trackingNo: string; shippedAt: string; signedAt: string; trackingHistory: string };

/** One order's carrier, tracking number, times and pasted tracking timeline. */
export function OrderLogisticsForm({ caseId, orderNo, initial }: { caseId: string; orderNo: string; initial: Values }) {
  const t = useTranslations('logistics.form');
  const [state, action, pending] = useActionState(saveOrderLogisticsAction, IDLE);
  const [orderError, setOrderError] = useState(false);
  const errors: FieldErrors = { ...(state.ok ? {} : state.fieldErrors), ...(orderError ? { signedAt: 'endBeforeStart' } : {}) };

  // Checked before sending: a refused form would be reset by React and lose the pasted timeline.
  function check(event: FormEvent<HTMLFormElement>) {
    const data = new FormData(event.currentTarget);
    const shipped = String(data.get('shippedAt') ?? '');
    const signed = String(data.get('signedAt') ?? '');
    const wrongOrder = shipped !== '' && signed !== '' && signed < shipped;
    setOrderError(wrongOrder);
    if (wrongOrder) event.preventDefault();
  }
  const id = (field: string) => `${orderNo}-${field}`;
  return (
    <form action={action} onSubmit={check} className="logistics-form">
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="orderNo" value={orderNo} />
      <div className="form-row">
        <Field name="carrier" id={id('carrier')} label={t('carrier')} defaultValue={initial.carrier} maxLength={40} placeholder={t('carrierPlaceholder')} />
        <Field name="trackingNo" id={id('trackingNo')} label={t('trackingNo')} defaultValue={initial.trackingNo} maxLength={40} />
        <Field name="shippedAt" id={id('shippedAt')} type="datetime-local" label={t('shippedAt')} defaultValue={initial.shippedAt} error={errors.shippedAt} />
        <Field name="signedAt" id={id('signedAt')} type="datetime-local" label={t('signedAt')} defaultValue={initial.signedAt} error={errors.signedAt} />
      </div>
      <FieldShell id={id('history')} label={t('history')} hint={t('historyHint')}>
        {(control) => <textarea {...control} name="trackingHistory" rows={3} defaultValue={initial.trackingHistory} maxLength={20_000} />}
      </FieldShell>
      <button type="submit" className="btn" disabled={pending}>{t('save')}</button>
      <span role="status" aria-live="polite" className="hint" data-testid="logistics-saved">{state.ok && state.data && !pending ? ` ${t('saved')}` : null}</span>
      {!state.ok && <FormAlert message={t(`errors.${state.error}`)} />}
    </form>
  );
}
