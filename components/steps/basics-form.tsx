'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ACCUSATION_KINDS, type AccusationKind } from '@/lib/platforms/accusations';
import { defaultDeadline } from '@/lib/platforms/deadline';
import { isPlatformId, PLATFORM_IDS, PLATFORMS } from '@/lib/platforms/profiles';
import { formatCalendarDate, parseCalendarDate } from '@/lib/schemas/dates';
import { BASICS_MAX, basicsSchema, INCIDENT_KINDS, type BasicsValues } from '@/lib/schemas/steps/basics';
import { charCount } from '@/lib/schemas/text';
import { Field, FieldShell } from '@/components/ui/field';
import { StepForm } from './step-form';
import { useAutosave } from './use-autosave';
import { useVisibleErrors } from './visible-errors';

/** The deadline the platform's window gives for this notice date, or '' when it cannot be computed. */
function suggestedDeadline(v: BasicsValues): string {
  const notice = parseCalendarDate(v.noticeDate);
  return notice && isPlatformId(v.platform) ? formatCalendarDate(defaultDeadline(v.platform, notice)) : '';
}

type TextField = Exclude<keyof BasicsValues, 'accusations'>;

type Props = { caseId: string; version: number; initial: BasicsValues; showAllErrors: boolean };

export function BasicsForm({ caseId, version, initial, showAllErrors }: Props) {
  const t = useTranslations('basics');
  const tp = useTranslations('platforms');
  const ta = useTranslations('checklistUi.basics');
  const tk = useTranslations('checklists.accusations');
  const [values, setValues] = useState(initial);
  const autosave = useAutosave<BasicsValues>({ caseId, step: 'basics', version });
  const { errors, touch } = useVisibleErrors(basicsSchema, values, showAllErrors, autosave.serverErrors);

  function update(field: TextField, value: string) {
    const next = { ...values, [field]: value };
    // Pre-fill the deadline from the platform's window while the user has not set one of their own.
    if ((field === 'noticeDate' || field === 'platform') && (values.appealDeadline === '' || values.appealDeadline === suggestedDeadline(values))) {
      next.appealDeadline = suggestedDeadline(next);
    }
    setValues(next);
    autosave.change(next);
  }

  function toggleAccusation(kind: AccusationKind, on: boolean) {
    const next = { ...values, accusations: ACCUSATION_KINDS.filter((k) => (k === kind ? on : values.accusations.includes(k))) };
    setValues(next);
    autosave.change(next);
    // A click is a finished choice: save now rather than after the typing pause.
    autosave.flush();
  }

  const bind = (field: TextField) => ({
    name: field,
    value: values[field],
    onChange: (e: { target: { value: string } }) => update(field, e.target.value),
    onBlur: () => {
      touch(field);
      autosave.flush();
    },
  });

  const profile = isPlatformId(values.platform) ? PLATFORMS[values.platform] : null;
  const windowHint = profile
    ? profile.appealWindowSource.kind === 'verified'
      ? t('windowVerified', { platform: tp(profile.id), days: profile.appealWindowDays })
      : t('windowDefault', { days: profile.appealWindowDays })
    : null;

  return (
    <StepForm title={t('title')} intro={t('intro')} status={autosave.status} onRetry={autosave.retry}>
      <Field label={t('caseTitle')} maxLength={BASICS_MAX.title} error={errors.title} required {...bind('title')} />
      <div className="form-row">
        <FieldShell id="field-platform" label={t('platform')} error={errors.platform} required>
          {(control) => (
            <select {...control} {...bind('platform')}>
              {PLATFORM_IDS.map((id) => (
                <option key={id} value={id}>{tp(id)}</option>
              ))}
            </select>
          )}
        </FieldShell>
        <Field label={t('shopName')} maxLength={BASICS_MAX.shopName} error={errors.shopName} required {...bind('shopName')} />
        <Field label={t('shopId')} maxLength={BASICS_MAX.shopId} hint={t('shopIdHint')} error={errors.shopId} required {...bind('shopId')} />
      </div>

      <FieldShell id="field-incidentKind" label={t('incidentKind')} error={errors.incidentKind} required>
        {(control) => (
          <select {...control} {...bind('incidentKind')}>
            <option value="">{t('choose')}</option>
            {INCIDENT_KINDS.map((kind) => (
              <option key={kind} value={kind}>{t(`incident.${kind}`)}</option>
            ))}
          </select>
        )}
      </FieldShell>
      {values.incidentKind === 'other' && (
        <FieldShell id="field-incidentDetail" label={t('incidentDetail')} error={errors.incidentDetail} required>
          {(control) => <textarea {...control} maxLength={BASICS_MAX.incidentDetail} rows={3} {...bind('incidentDetail')} />}
        </FieldShell>
      )}

      <fieldset className="accusation-choices" id="field-accusations">
        <legend>{ta('label')}</legend>
        <p className="hint">{ta('hint')}</p>
        {ACCUSATION_KINDS.map((kind) => (
          <label key={kind} className="checkbox-label">
            <input type="checkbox" name="accusations" value={kind} checked={values.accusations.includes(kind)} onChange={(e) => toggleAccusation(kind, e.target.checked)} />{' '}
            {tk(kind)}
          </label>
        ))}
      </fieldset>

      <div className="form-row">
        <Field label={t('noticeNumber')} maxLength={BASICS_MAX.noticeNumber} hint={t('noticeNumberHint')} error={errors.noticeNumber} {...bind('noticeNumber')} />
        <Field type="date" label={t('noticeDate')} error={errors.noticeDate} required {...bind('noticeDate')} />
        <Field type="date" label={t('appealDeadline')} hint={windowHint} error={errors.appealDeadline} required {...bind('appealDeadline')} />
      </div>
      <FieldShell id="field-noticeText" label={t('noticeText')} hint={<>{t('noticeTextHint')} {t('noticeTextCount', { count: charCount(values.noticeText), max: BASICS_MAX.noticeText })}</>} error={errors.noticeText}>
        {(control) => <textarea {...control} maxLength={BASICS_MAX.noticeText} rows={6} className="notice-text" {...bind('noticeText')} />}
      </FieldShell>

      <div className="form-row">
        <Field label={t('contactName')} maxLength={BASICS_MAX.contactName} autoComplete="name" error={errors.contactName} required {...bind('contactName')} />
        <Field type="tel" inputMode="tel" label={t('contactPhone')} maxLength={BASICS_MAX.contactPhone} autoComplete="tel" hint={t('contactPhoneHint')} error={errors.contactPhone} required {...bind('contactPhone')} />
      </div>
    </StepForm>
  );
}
