'use client';

import { useTranslations } from 'next-intl';
import { startTransition, useActionState, useState } from 'react';
import { saveRequirementTicksAction } from '@/app/cases/[caseId]/checklist-actions';
import type { RequirementId } from '@/lib/platforms/checklists';
import type { ActionResult } from '@/lib/schemas/errors';

type Props = {
  caseId: string;
  evidenceId: string;
  /** The case's current checklist, in its order. */
  requirements: readonly RequirementId[];
  /** What the file answers now: its ticks, or its category's default. */
  answered: readonly RequirementId[];
  /** No ticks stored: `answered` is what its category answers. */
  isDefault: boolean;
};

const IDLE: ActionResult = { ok: true };

/** Which of the case's requirements this file answers; saved as soon as a tick changes. */
export function RequirementTicks({ caseId, evidenceId, requirements, answered, isDefault }: Props) {
  const t = useTranslations('checklistUi.ticks');
  const tr = useTranslations('checklists.requirements');
  const [state, dispatch, pending] = useActionState(saveRequirementTicksAction, IDLE);
  // Shown at once, before the server answers; the page's refresh remounts this with what was stored.
  const [ticked, setTicked] = useState<readonly RequirementId[]>(answered);
  const [custom, setCustom] = useState(!isDefault);

  function save(mode: 'default' | 'custom', next: readonly RequirementId[]) {
    const form = new FormData();
    form.set('caseId', caseId);
    form.set('evidenceId', evidenceId);
    form.set('mode', mode);
    for (const id of requirements) form.append('shown', id);
    for (const id of next) form.append('ticked', id);
    startTransition(() => dispatch(form));
  }

  function toggle(id: RequirementId, on: boolean) {
    const next = on ? [...ticked, id] : ticked.filter((x) => x !== id);
    setTicked(next);
    setCustom(true);
    save('custom', next);
  }

  return (
    <fieldset className="requirement-ticks" data-testid="requirement-ticks" data-default={custom ? undefined : 'true'}>
      <legend>
        {t('legend')} <span className="hint">{custom ? t('custom') : t('byCategory')}</span>
      </legend>
      {requirements.map((id) => (
        <label key={id}>
          <input type="checkbox" value={id} checked={ticked.includes(id)} disabled={pending} onChange={(e) => toggle(id, e.currentTarget.checked)} /> {tr(id)}
        </label>
      ))}
      {custom && (
        <button type="button" className="btn-link btn" disabled={pending} onClick={() => save('default', [])}>
          {t('restoreDefault')}
        </button>
      )}
      <span role="status" aria-live="polite" className="hint">
        {state.ok ? '' : t('failed')}
      </span>
    </fieldset>
  );
}
