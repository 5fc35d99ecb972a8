import { getTranslations } from 'next-intl/server';
import { sheetLabels } from '@/lib/media/sheet-labels';

type Props = { caseId: string; evidenceId: string; name: string; video: { seconds: number; width: number; height: number } };

/**
 * The contact sheet the bundle prints, in a disclosure: the stored picture with each frame's time
 * laid over the blank band under it (the sheet holds no burnt-in text; the bundle writes the same
 * times with its font). Loaded only when opened: the sheet is a 1600 px JPEG.
 */
export async function VideoSheet({ caseId, evidenceId, name, video }: Props) {
  const t = await getTranslations('evidenceVideo');
  const { labels, times, width, height } = sheetLabels(video);
  return (
    <details className="video-sheet-details">
      <summary>{t('sheet')}</summary>
      <figure className="video-sheet" data-testid="video-sheet">
        {/* eslint-disable-next-line @next/next/no-img-element -- a private, owner-only route: next/image would proxy and cache it */}
        <img src={`/api/cases/${caseId}/evidence/${evidenceId}/preview`} alt={t('sheetAlt', { name, count: times.length })} width={width} height={height} loading="lazy" />
        {/* Spans, not a list: the evidence item is itself a list item, and its tests and readers count those. */}
        <figcaption className="video-sheet-times">
          {labels.map((l, i) => (
            <span key={l.text + i} style={{ left: `${l.x * 100}%`, top: `${l.y * 100}%`, width: `${l.width * 100}%`, height: `${l.height * 100}%` }}>
              {l.text}
            </span>
          ))}
        </figcaption>
      </figure>
    </details>
  );
}
