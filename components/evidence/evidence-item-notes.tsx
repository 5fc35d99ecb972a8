import { getTranslations } from 'next-intl/server';
import { OmitOriginalToggle } from './omit-original-toggle';

type NotedEvidence = { id: string; checkStatus: string; checkReason: string; hasLocation: boolean | null; omitOriginal: boolean };

/** Which warning a flagged file gets: each one says what the bundle will really do with it. */
function checkMessage(reason: string): 'ownerEncrypted' | 'encrypted' | 'unreadable' {
  return reason === 'ownerEncrypted' || reason === 'encrypted' ? reason : 'unreadable';
}

/**
 * What the merchant should know about one file before exporting: a PDF the bundle cannot show as it
 * is, and an original photo that says where it was taken (its derived copies never do).
 */
export async function EvidenceItemNotes({ caseId, evidence }: { caseId: string; evidence: NotedEvidence }) {
  const t = await getTranslations('evidence');
  return (
    <>
      {evidence.checkStatus !== 'ok' && <p className="alert alert-warn">{t(`check.${checkMessage(evidence.checkReason)}`)}</p>}
      {evidence.hasLocation && (
        <div className="alert alert-warn" data-testid="location-note">
          <p><strong>{t('location.note')}</strong> {t(evidence.omitOriginal ? 'location.omitted' : 'location.attached')}</p>
          <OmitOriginalToggle caseId={caseId} evidenceId={evidence.id} omitted={evidence.omitOriginal} />
        </div>
      )}
    </>
  );
}
