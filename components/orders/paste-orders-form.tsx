'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { addOrderNumbersAction, type PasteResult } from '@/app/cases/[caseId]/order-actions';
import { FieldShell } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';

/** Paste the order numbers from the platform's notice (or any list) to add and flag them in one go. */
export function PasteOrdersForm({ caseId }: { caseId: string }) {
  const t = useTranslations('orders.paste');
  const tq = useTranslations('quota');
  const [result, action, pending] = useActionState<PasteResult | null, FormData>(addOrderNumbersAction, null);
  return (
    <form action={action} className="section-block">
      <input type="hidden" name="caseId" value={caseId} />
      <FieldShell id="field-orderNumbers" label={t('label')} hint={t('hint')}>
        {(control) => <textarea {...control} name="orderNumbers" rows={5} placeholder={t('placeholder')} />}
      </FieldShell>
      <p>
        <label>
          <input type="checkbox" name="flagged" defaultChecked /> {t('flagged')}
        </label>
      </p>
      <button type="submit" className="btn btn-primary" disabled={pending}>{t('submit')}</button>
      <div role="status" aria-live="polite" data-testid="paste-result">
        {result?.ok && (
          <p className="hint">
            {t('result', { added: result.added, existing: result.existing })}
            {result.invalid.length > 0 && ` ${t('invalid', { count: result.invalid.length, examples: result.invalid.slice(0, 5).join('、') })}`}
          </p>
        )}
      </div>
      {result && !result.ok && (
        <FormAlert
          message={
            result.error === 'overImportLimit' ? tq('ordersOverImport', { count: result.count, limit: result.limit })
            : result.error === 'overCaseLimit' ? tq('ordersOverCase', { limit: result.limit, current: result.current, incoming: result.incoming })
            : t(`errors.${result.error}`)
          }
        />
      )}
    </form>
  );
}
