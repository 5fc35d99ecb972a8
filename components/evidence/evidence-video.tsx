import { getTranslations } from 'next-intl/server';
import { plainDisplayText } from '@/lib/evidence/inspect/file-name';
import { VIDEO_KINDS, type FileKind } from '@/lib/evidence/inspect/file-kind';
import { VideoSheet } from './video-sheet';

type VideoEvidence = {
  id: string; kind: string; mime: string; checkReason: string; originalName: string; previewKey: string | null;
  videoSeconds: number | null; videoWidth: number | null; videoHeight: number | null;
};

/** 75.4 → "1:15", 3725 → "1:02:05": how a player shows a length. */
export function formatDuration(seconds: number): string {
  const total = Math.round(seconds);
  const [h, m, s] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}

/**
 * A video's length and size, why it has no contact sheet (if so), and the original played in
 * the page. preload="none": a 500 MB original is fetched only when the merchant presses play.
 * The source is the owner-only original route, which serves video types as themselves.
 */
export async function EvidenceVideo({ caseId, evidence }: { caseId: string; evidence: VideoEvidence }) {
  if (!VIDEO_KINDS.has(evidence.kind as FileKind)) return null;
  const t = await getTranslations('evidenceVideo');
  const { videoSeconds, videoWidth, videoHeight } = evidence;
  return (
    <>
      {videoSeconds !== null && videoWidth !== null && videoHeight !== null && (
        <p className="hint" data-testid="video-facts">{t('facts', { duration: formatDuration(videoSeconds), width: videoWidth, height: videoHeight })}</p>
      )}
      {(evidence.checkReason === 'videoNoTool' || evidence.checkReason === 'videoNoSheet') && (
        <p className="alert alert-warn">{t(evidence.checkReason === 'videoNoTool' ? 'noTool' : 'noSheet')}</p>
      )}
      {evidence.previewKey && videoSeconds && videoWidth && videoHeight && (
        <VideoSheet caseId={caseId} evidenceId={evidence.id} name={plainDisplayText(evidence.originalName)} video={{ seconds: videoSeconds, width: videoWidth, height: videoHeight }} />
      )}
      <details>
        <summary>{t('play')}</summary>
        <video controls preload="none" className="evidence-video" width={videoWidth ?? undefined} height={videoHeight ?? undefined}>
          <source src={`/api/cases/${caseId}/evidence/${evidence.id}/original`} type={evidence.mime} />
        </video>
      </details>
    </>
  );
}
