'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { deleteCaseAction, renameCaseAction } from '@/app/cases/actions';
import { CASE_TITLE_MAX } from '@/lib/schemas/case';
import type { ActionResult } from '@/lib/schemas/errors';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';

const IDLE: ActionResult = { ok: true };

/** Open, rename (inline) and delete (after an explicit confirmation) one case. */
export function CaseActions({ caseId, title }: { caseId: string; title: string }) {
  const t = useTranslations('cases');
  const [mode, setMode] = useState<'idle' | 'rename' | 'confirmDelete'>('idle');
  const [renameState, rename, renaming] = useActionState(async (prev: ActionResult, data: FormData) => {
    const result = await renameCaseAction(prev, data);
    if (result.ok) setMode('idle');
    return result;
  }, IDLE);
  const [deleteState, remove, deleting] = useActionState(deleteCaseAction, IDLE);
  const failure = !renameState.ok && renameState.error === 'notFound' ? renameState : !deleteState.ok ? deleteState : null;

  return (
    <>
      <div className="case-actions">
        <Link href={`/cases/${caseId}`} className="btn btn-primary">{t('open')}</Link>
        <button type="button" className="btn" onClick={() => setMode(mode === 'rename' ? 'idle' : 'rename')} aria-expanded={mode === 'rename'}>
          {t('rename')}
        </button>
        <button type="button" className="btn btn-danger" onClick={() => setMode('confirmDelete')} aria-expanded={mode === 'confirmDelete'}>
          {t('delete')}
        </button>
      </div>
      {failure && <div className="confirm-box"><FormAlert message={t(`errors.${failure.error}`)} /></div>}
      {mode === 'rename' && (
        <form action={rename} className="confirm-box">
          <input type="hidden" name="caseId" value={caseId} />
          <Field
            name="title"
            id={`rename-${caseId}`}
            label={t('newTitle')}
            defaultValue={title}
            maxLength={CASE_TITLE_MAX}
            error={renameState.ok ? undefined : renameState.fieldErrors?.title}
            autoFocus
          />
          <button type="submit" className="btn btn-primary" disabled={renaming}>{t('save')}</button>{' '}
          <button type="button" className="btn" onClick={() => setMode('idle')}>{t('cancel')}</button>
        </form>
      )}
      {mode === 'confirmDelete' && (
        <form action={remove} className="confirm-box" role="alertdialog" aria-label={t('confirmDeleteLabel')}>
          <input type="hidden" name="caseId" value={caseId} />
          <p>{t('confirmDelete', { title })}</p>
          <button type="submit" className="btn btn-danger" disabled={deleting}>{t('confirmDeleteButton')}</button>{' '}
          <button type="button" className="btn" onClick={() => setMode('idle')} autoFocus>{t('cancel')}</button>
        </form>
      )}
    </>
  );
}
