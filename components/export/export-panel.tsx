'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useState } from 'react';
import type { ExportJobView } from '@/lib/export/run';
import type { ExportSpace } from '@/lib/export/space';
import type { BundleWarning } from '@/lib/export/writer';
import { STORAGE_FULL } from '@/lib/storage/errors';

type Props = { caseId: string; blocked: boolean; maxBundleMB: number; hasEvidence: boolean; initial: ExportJobView | null; space: ExportSpace };

const POLL_MS = 1000;

type ActiveWarning = Extract<BundleWarning, { removed: unknown }>;

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Disk space: gigabytes past one, so 66 GB free does not read as "67584.0 MB". */
function diskSize(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(1)} GB` : megabytes(bytes);
}

/**
 * Export from the review step: starts the background job, shows its progress
 * and current item (polling), and offers the finished bundle. Leaving the page
 * loses nothing: the job runs on, and coming back shows where it is.
 */
export function ExportPanel({ caseId, blocked, maxBundleMB, hasEvidence, initial, space }: Props) {
  const t = useTranslations('export');
  const activeText = (w: ActiveWarning) =>
    `${t(`reasons.${w.reason}`, { items: w.removed.map((r) => t(`active.${r}`)).join(t('active.separator')) })}${w.zipOnly ? ` ${t('zipOnly')}` : ''}`;
  const [job, setJob] = useState<ExportJobView | null>(initial);
  const [attachOriginals, setAttachOriginals] = useState(initial?.result?.attachOriginals ?? false);
  const [starting, setStarting] = useState(false);
  const [networkError, setNetworkError] = useState(false);
  const [noRoom, setNoRoom] = useState(!space.enough);
  const active = job?.status === 'queued' || job?.status === 'running';
  const base = `/api/cases/${caseId}/export`;

  const poll = useCallback(async () => {
    try {
      const response = await fetch(base, { cache: 'no-store' });
      if (!response.ok) throw new Error(String(response.status));
      setJob(((await response.json()) as { job: ExportJobView | null }).job);
      setNetworkError(false);
    } catch {
      setNetworkError(true);
    }
  }, [base]);

  useEffect(() => {
    if (!active) return;
    const timer = setInterval(poll, POLL_MS);
    return () => clearInterval(timer);
  }, [active, poll]);

  async function start() {
    setStarting(true);
    try {
      const response = await fetch(base, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ attachOriginals }) });
      setNoRoom(response.status === 507);
      if (response.status === 507) return;
      if (!response.ok) throw new Error(String(response.status));
      setJob(((await response.json()) as { job: ExportJobView }).job);
      setNetworkError(false);
    } catch {
      setNetworkError(true);
    } finally {
      setStarting(false);
    }
  }

  const result = job?.status === 'done' ? job.result : null;
  // Explanation pages and cleaned originals are listed apart: the second kind is shown, only made safe.
  const cleaned = (result?.warnings ?? []).filter((w): w is ActiveWarning => 'removed' in w);
  const placeholders = (result?.warnings ?? []).filter((w) => !('removed' in w));
  const percent = Math.round((job?.progress ?? 0) * 100);
  const startLabel = job?.status === 'failed' ? t('retry') : result ? t('regenerate') : t('start');

  return (
    <section className="section-block export-panel" aria-labelledby="export-title" data-testid="export-panel">
      <h3 id="export-title">{t('title')}</h3>
      <p className="hint">{t('intro', { limit: maxBundleMB })}</p>
      {blocked && <p className="alert alert-warn">{t('blocked')}</p>}
      <p className="hint" data-testid="export-space">{t('space', { need: diskSize(space.needBytes), free: diskSize(space.freeBytes) })}</p>
      {noRoom && <p className="alert alert-error" role="alert" data-testid="export-no-room">{t('noRoom', { need: diskSize(space.needBytes), free: diskSize(space.freeBytes) })}</p>}

      {!active && (
        <div className="export-start">
          <label>
            <input type="checkbox" checked={attachOriginals} onChange={(e) => setAttachOriginals(e.target.checked)} disabled={blocked} /> {t('attachOriginals')}
          </label>
          <button type="button" className="btn btn-primary" onClick={start} disabled={blocked || starting}>
            {starting ? t('starting') : startLabel}
          </button>
        </div>
      )}

      {active && (
        <div role="status" aria-live="polite" data-testid="export-progress">
          <progress max={100} value={percent} aria-label={t('running', { percent })} style={{ width: '100%' }} />
          <p>{job?.status === 'queued' ? t('queued') : t('running', { percent })}</p>
          {job?.currentItem && <p className="hint" data-testid="export-current-item">{t('currentItem', { item: job.currentItem })}</p>}
          <p className="hint">{t('leaveHint')}</p>
        </div>
      )}

      {job?.status === 'failed' && (
        <div role="alert" className="alert alert-error">
          <p>{job.error === 'interrupted' || job.error === STORAGE_FULL ? t(job.error) : t('failed')}</p>
          {job.error !== 'interrupted' && job.error !== STORAGE_FULL && <p className="hint">{t('failedDetail', { error: job.error })}</p>}
        </div>
      )}

      {result && (
        <div data-testid="export-result" data-current={job?.current}>
          {!job?.current && <p className="alert alert-warn">{t('outdated')}</p>}
          <p role="status">{t('done', { pages: result.pages, size: megabytes(result.files.reduce((n, f) => n + f.size, 0)) })}</p>
          {result.files.length > 1 && <p className="hint">{t('volumes', { count: result.files.length })}</p>}
          <ul className="export-downloads">
            {result.files.map((f) => (
              <li key={f.volume}>
                <a className={job?.current ? 'btn btn-primary' : 'btn'} href={`${base}/pdf?volume=${f.volume}`} download>
                  {result.files.length > 1 ? t('downloadVolume', { n: f.volume, from: f.firstPage, to: f.firstPage + f.pages - 1, size: megabytes(f.size) }) : job?.current ? t('download') : t('downloadOld')}
                </a>
              </li>
            ))}
          </ul>
          {(result.missingGlyphs?.length ?? 0) > 0 && <p className="hint">{t('missingGlyphs', { count: result.missingGlyphs.length, examples: result.missingGlyphs.slice(0, 5).join(' ') })}</p>}
          {result.imageLevel > 0 && <p className="hint">{t('imagesReduced', { level: result.imageLevel })}</p>}
          {result.attachOriginals && <p className="hint">{result.attachedOriginals ? t('attached') : t('notAttached')}</p>}
          {placeholders.length > 0 && (
            <div className="alert alert-warn" data-testid="export-warnings">
              <p>{t('warningsTitle')}</p>
              <ul>
                {placeholders.map((w) => (
                  <li key={w.exhibitId}>
                    {w.exhibitId}: {t(`reasons.${w.reason}`)}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {cleaned.length > 0 && (
            <div className="alert alert-warn" data-testid="export-active">
              <p>{t('activeTitle')}</p>
              <ul>
                {cleaned.map((w) => (
                  <li key={w.exhibitId}>
                    {w.exhibitId}: {activeText(w)}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {(result.overLimit?.length ?? 0) > 0 && (
            <p className="alert alert-warn">{t('overLimit', { limit: result.maxBundleMB, volumes: result.overLimit.map((n) => (result.files.length > 1 ? t('volumeName', { n }) : 'PDF')).join(', ') })}</p>
          )}
          {(result.reduced?.length ?? 0) > 0 && (
            <p className="hint" data-testid="export-reduced">
              {t('reduced', { ids: result.reduced?.join(', ') ?? '' })}
            </p>
          )}
          {result.oversized.length > 0 && (
            <p className="alert alert-warn">
              {t('oversizedTitle')} {result.oversized.join(', ')}
            </p>
          )}
        </div>
      )}

      {networkError && (
        <p role="alert" className="alert alert-error">
          {t('networkError')}
        </p>
      )}
      {hasEvidence && (
        <p>
          <a href={`${base}/zip`} download>
            {t('zip')}
          </a>
        </p>
      )}
    </section>
  );
}
