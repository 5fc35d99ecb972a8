'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { saveChecklistReasonAction } from '@/app/cases/[caseId]/checklist-actions';
import type { RequirementId } from '@/lib/platforms/checklists';
import { MAX_REASON_CHARS } from '@/lib/schemas/checklist';
import type { ActionResult } from '@/lib/schemas/errors';

const IDLE: ActionResult = { ok: true };

/** "Cannot provide this": the merchant's reason, printed in the bundle instead of the missing proof. */
export function ReasonForm({ caseId, requirementId, reason }: { caseId: string; requirementId: RequirementId; reason: string }) {
  const t = useTranslations('checklistUi.reason');
  const te = useTranslations('errors.field');
  const [state, action, pending] = useActionState(saveChecklistReasonAction, IDLE);
  const id = `reason-${requirementId}`;
  const error = state.ok ? undefined : (state.fieldErrors?.reason ?? 'invalid');
  return (
    // Closed even with a reason: the reason is printed above it, the form is only for changing it.
    <details className="checklist-reason detail">
      <summary>{reason ? t('edit') : t('open')}</summary>
      <form action={action}>
        <input type="hidden" name="caseId" value={caseId} />
        <input type="hidden" name="requirementId" value={requirementId} />
        <label htmlFor={id}>{t('label')}</label>
        <textarea
          id={id}
          name="reason"
          rows={2}
          maxLength={MAX_REASON_CHARS}
          defaultValue={reason}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint`}
        />
        <p id={`${id}-hint`} className="hint">{t('hint', { max: MAX_REASON_CHARS })}</p>
        {error && <p className="field-error" aria-live="polite">{te(error)}</p>}
        <button type="submit" className="btn" disabled={pending}>{t('save')}</button>
      </form>
    </details>
  );
}
