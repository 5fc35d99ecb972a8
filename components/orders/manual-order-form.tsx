'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { addManualOrderAction } from '@/app/cases/[caseId]/order-actions';
import type { ActionResult } from '@/lib/schemas/errors';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';

const IDLE: ActionResult = { ok: true };

/** One order typed by hand, for a shop without an export at hand. */
export function ManualOrderForm({ caseId }: { caseId: string }) {
  const t = useTranslations('orders.manual');
  const tf = useTranslations('orders.fields');
  const tq = useTranslations('quota');
  const [state, action, pending] = useActionState(addManualOrderAction, IDLE);
  const errors = state.ok ? {} : (state.fieldErrors ?? {});
  return (
    <details className="section-block">
      <summary><strong>{t('title')}</strong></summary>
      <form action={action} data-testid="manual-order-form">
        <input type="hidden" name="caseId" value={caseId} />
        <div className="form-row">
          <Field name="orderNo" id="manual-orderNo" label={tf('orderNo')} error={errors.orderNo} required maxLength={32} />
          <Field name="orderedAt" id="manual-orderedAt" type="datetime-local" label={tf('createdAt')} error={errors.orderedAt} />
          <Field name="amount" id="manual-amount" label={tf('amountCents')} placeholder="99.00" inputMode="decimal" error={errors.amount} />
          <Field name="itemTitle" id="manual-itemTitle" label={tf('itemTitle')} maxLength={200} />
          <Field name="carrier" id="manual-carrier" label={tf('carrier')} maxLength={40} />
          <Field name="trackingNo" id="manual-trackingNo" label={tf('trackingNo')} maxLength={40} />
        </div>
        <p><label><input type="checkbox" name="flagged" defaultChecked /> {t('flagged')}</label></p>
        <button type="submit" className="btn" disabled={pending}>{t('add')}</button>
        {!state.ok && state.error === 'overCaseLimit' && <FormAlert message={tq('orderCaseFull', { limit: state.values?.limit ?? 0 })} />}
      </form>
    </details>
  );
}
