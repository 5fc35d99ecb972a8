'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { clearAuditNoteAction } from '@/app/cases/[caseId]/audit-actions';
import type { NoteView } from '@/lib/audit/groups';
import { NoteEditor } from './note-editor';

type Props = {
  caseId: string;
  findingId: string;
  override?: NoteView;
  /** Whether the finding goes in while it follows its rule: a new override starts from it. */
  inheritedInclude: boolean;
  /** What the finding follows now, in words ("uses the rule's explanation", "not explained yet"). */
  state: string;
};

/** A finding follows its rule's explanation until the merchant explains this one differently. */
export function FindingOverride({ caseId, findingId, override, inheritedInclude, state }: Props) {
  const t = useTranslations('audit.finding');
  const [open, setOpen] = useState(override !== undefined);
  const [busy, setBusy] = useState(false);

  if (!open)
    return (
      <p className="finding-foot">
        <span className="hint" data-testid="finding-state">{state}</span>
        <button type="button" className="btn btn-link" onClick={() => setOpen(true)}>{t('override')}</button>
      </p>
    );
  return (
    <div data-testid="finding-override">
      <NoteEditor
        caseId={caseId}
        noteId={findingId}
        initial={override ?? { explanation: '', include: inheritedInclude }}
        label={t('overrideLabel')}
        hint={t('overrideHint')}
        includeLabel={t('include')}
        rows={2}
      />
      <button
        type="button"
        className="btn btn-link"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          const result = await clearAuditNoteAction({ caseId, findingId }).catch(() => ({ ok: false }));
          setBusy(false);
          if (result.ok) setOpen(false);
        }}
      >
        {t('useRule')}
      </button>
    </div>
  );
}
