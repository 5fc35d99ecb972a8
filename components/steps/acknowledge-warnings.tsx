'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { SaveIndicator } from './save-indicator';
import { useAutosave } from './use-autosave';

type Warning = { code: string; text: string };

/** Each warning gets a checkbox: "I have read this and accept it". Saved like any other step input. */
export function AcknowledgeWarnings({ caseId, version, warnings, initial }: { caseId: string; version: number; warnings: Warning[]; initial: string[] }) {
  const t = useTranslations('review');
  const [acknowledged, setAcknowledged] = useState<string[]>(initial);
  const autosave = useAutosave<{ acknowledged: string[] }>({ caseId, step: 'review', version });

  function toggle(code: string, checked: boolean) {
    const next = checked ? [...acknowledged, code] : acknowledged.filter((c) => c !== code);
    setAcknowledged(next);
    autosave.change({ acknowledged: next });
    autosave.flush();
  }

  return (
    <fieldset className="section-block">
      <legend><strong>{t('warningsTitle')}</strong></legend>
      <ul className="problem-list">
        {warnings.map((w) => (
          <li key={w.code} className="problem problem-warning">
            <label>
              <input type="checkbox" checked={acknowledged.includes(w.code)} onChange={(e) => toggle(w.code, e.target.checked)} />{' '}
              {w.text}
            </label>
          </li>
        ))}
      </ul>
      <SaveIndicator status={autosave.status} onRetry={autosave.retry} />
    </fieldset>
  );
}
