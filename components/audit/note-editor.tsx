'use client';

import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { saveAuditNoteAction } from '@/app/cases/[caseId]/audit-actions';
import type { NoteView } from '@/lib/audit/groups';

type Status = 'saved' | 'pending' | 'saving' | 'failed';

type Props = {
  caseId: string;
  /** A finding's id, or rule:<ruleId> for the explanation of a whole rule. */
  noteId: string;
  initial: NoteView;
  label: string;
  hint?: string;
  includeLabel: string;
  rows?: number;
};

/** An explanation and its "goes into the bundle" box: saved as the merchant types (debounced) and on leaving the field. */
export function NoteEditor({ caseId, noteId, initial, label, hint, includeLabel, rows = 3 }: Props) {
  const t = useTranslations('audit');
  const ta = useTranslations('autosave');
  const [explanation, setExplanation] = useState(initial.explanation);
  const [include, setInclude] = useState(initial.include);
  const [status, setStatus] = useState<Status>('saved');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  async function save(next: NoteView) {
    clearTimeout(timer.current);
    setStatus('saving');
    try {
      const result = await saveAuditNoteAction({ caseId, findingId: noteId, ...next });
      setStatus(result.ok ? 'saved' : 'failed');
    } catch {
      setStatus('failed');
    }
  }
  function schedule(next: NoteView) {
    setStatus('pending');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(next), 700);
  }

  const id = `note-${noteId.replace(':', '-')}`;
  return (
    <div className="finding-note">
      <label htmlFor={id}>{label}</label>
      {hint && <p className="hint">{hint}</p>}
      <textarea
        id={id}
        rows={rows}
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
          {includeLabel}
        </label>
        <span className="save-status" aria-live="polite" data-testid="note-status" data-status={status}>
          {ta(status)}
        </span>
      </div>
    </div>
  );
}
