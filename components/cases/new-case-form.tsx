'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState, type FormEvent } from 'react';
import { createCaseAction } from '@/app/cases/actions';
import { PLATFORM_IDS } from '@/lib/platforms/profiles';
import { CASE_TITLE_MAX, createCaseSchema } from '@/lib/schemas/case';
import { fieldErrorCodes, type ActionResult, type FieldErrors } from '@/lib/schemas/errors';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';

const IDLE: ActionResult = { ok: true };

export function NewCaseForm() {
  const t = useTranslations();
  const [state, action, pending] = useActionState(createCaseAction, IDLE);
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const errors = clientErrors ?? (state.ok ? {} : (state.fieldErrors ?? {}));

  // Validate in the browser with the server's schema first: an invalid form is
  // never sent, so React never resets what the user typed.
  function validate(event: FormEvent<HTMLFormElement>) {
    const parsed = createCaseSchema.safeParse(Object.fromEntries(new FormData(event.currentTarget)));
    setClientErrors(parsed.success ? null : fieldErrorCodes(parsed.error));
    if (!parsed.success) event.preventDefault();
  }

  return (
    <form action={action} onSubmit={validate} noValidate className="card" aria-labelledby="new-case-heading">
      <h2 id="new-case-heading">{t('cases.newCase')}</h2>
      <div className="form-row">
        <Field name="title" label={t('cases.caseTitle')} placeholder={t('cases.caseTitlePlaceholder')} maxLength={CASE_TITLE_MAX} error={errors.title} required />
        <div className="field">
          <label htmlFor="field-platform">{t('cases.platform')}</label>
          <select id="field-platform" name="platform" defaultValue="" required aria-invalid={errors.platform ? true : undefined} aria-describedby="field-platform-error">
            <option value="" disabled>{t('cases.choosePlatform')}</option>
            {PLATFORM_IDS.map((id) => (
              <option key={id} value={id}>{t(`platforms.${id}`)}</option>
            ))}
          </select>
          <p id="field-platform-error" className="field-error" aria-live="polite">
            {errors.platform ? t(`errors.field.${errors.platform}`) : null}
          </p>
        </div>
        <Field name="appealDeadline" type="date" label={t('cases.deadline')} hint={t('cases.deadlineHint')} error={errors.appealDeadline} />
      </div>
      <button type="submit" className="btn btn-primary" disabled={pending}>{t('cases.create')}</button>
      {!state.ok && state.error === 'tooManyCases' && <FormAlert message={t('quota.tooManyCases', { limit: state.values?.limit ?? 0 })} />}
    </form>
  );
}
