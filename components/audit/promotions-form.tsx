'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { addPromotionAction } from '@/app/cases/[caseId]/audit-actions';
import type { ActionResult } from '@/lib/schemas/errors';
import { Field } from '@/components/ui/field';

const IDLE: ActionResult = { ok: true };

/** Declare a promotion (dates and channels) that may explain a burst of orders. */
export function PromotionsForm({ caseId }: { caseId: string }) {
  const t = useTranslations('audit.promotions');
  const [state, action, pending] = useActionState(addPromotionAction, IDLE);
  const errors = state.ok ? {} : (state.fieldErrors ?? {});
  return (
    <form action={action} data-testid="promotion-form">
      <input type="hidden" name="caseId" value={caseId} />
      <div className="form-row">
        <Field name="name" id="promotion-name" label={t('name')} placeholder={t('namePlaceholder')} maxLength={60} error={errors.name} required />
        <Field name="startsOn" id="promotion-start" type="date" label={t('startsOn')} error={errors.startsOn} required />
        <Field name="endsOn" id="promotion-end" type="date" label={t('endsOn')} error={errors.endsOn} required />
        <Field name="channels" id="promotion-channels" label={t('channels')} placeholder={t('channelsPlaceholder')} maxLength={200} />
      </div>
      <button type="submit" className="btn" disabled={pending}>{t('add')}</button>
    </form>
  );
}
