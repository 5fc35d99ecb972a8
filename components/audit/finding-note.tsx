'use client';

import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { saveAuditNoteAction } from '@/app/cases/[caseId]/audit-actions';

type Status = 'saved' | 'pending' | 'saving' | 'failed';

/** The merchant's explanation of a finding: saved as they type (debounced) and on leaving the field. */
export function FindingNote({ caseId, findingId, initial }: { caseId: string; findingId: string; initial?: { explanation: string; include: boolean } }) {
  const t = useTranslations('audit');
  const ta = useTranslations('autosave');
  const [explanation, setExplanation] = useState(initial?.explanation ?? '');
  const [include, setInclude] = useState(initial?.include ?? true);
  const [status, setStatus] = useState<Status>('saved');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  async function save(next: { explanation: string; include: boolean }) {
    clearTimeout(timer.current);
    setStatus('saving');
    try {
      const result = await saveAuditNoteAction({ caseId, findingId, ...next });
      setStatus(result.ok ? 'saved' : 'failed');
    } catch {
      setStatus('failed');
    }
  }
  function schedule(next: { explanation: string; include: boolean }) {
    setStatus('pending');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(next), 700);
  }

  const id = `note-${findingId}`;
  return (
    <div className="finding-note">
      <label htmlFor={id}>{t('explanation')}</label>
      <textarea
        id={id}
        rows={3}
        maxLength={5000}
        value={explanation}
        placeholder={t('explanationHint')}
        onChange={(e) => {
          setExplanation(e.target.value);
          schedule({ explanation: e.target.value, include });
        }}
        onBlur={() => status === 'pending' && void save({ explanation, include })}
      />
      <div className="finding-note-foot">
        <label>
          <input
            type="checkbox"
            checked={include}
            onChange={(e) => {
              setInclude(e.target.checked);
              void save({ explanation, include: e.target.checked });
            }}
          />{' '}
          {t('include')}
        </label>
        <span className="save-status" aria-live="polite" data-testid="note-status" data-status={status}>
          {ta(status)}
        </span>
      </div>
    </div>
  );
}
