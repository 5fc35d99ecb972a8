'use client';

import { useTranslations } from 'next-intl';
import { setOmitOriginalAction } from '@/app/cases/[caseId]/evidence-location-actions';

/** The per-item choice to leave an original with a location out of the exports; saved as soon as it is ticked. */
export function OmitOriginalToggle({ caseId, evidenceId, omitted }: { caseId: string; evidenceId: string; omitted: boolean }) {
  const t = useTranslations('evidence.location');
  return (
    <form action={setOmitOriginalAction} className="omit-original">
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="evidenceId" value={evidenceId} />
      <label>
        <input type="checkbox" name="omit" defaultChecked={omitted} onChange={(e) => e.currentTarget.form?.requestSubmit()} /> {t('omit')}
      </label>
    </form>
  );
}
