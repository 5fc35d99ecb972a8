'use client';

import { useTranslations } from 'next-intl';
import type { SaveStatus } from './use-autosave';

/** Saved / saving / failed, announced politely; a conflict offers the way out. */
export function SaveIndicator({ status, onRetry }: { status: SaveStatus; onRetry: () => void }) {
  const t = useTranslations('autosave');
  const tone = status === 'failed' || status === 'conflict' || status === 'unauthenticated' ? 'alert alert-error' : 'save-status';
  return (
    <div className="save-indicator" aria-live="polite" data-testid="save-status" data-status={status}>
      <p className={tone}>
        {t(status)}
        {(status === 'failed' || status === 'unauthenticated') && (
          <button type="button" className="btn-link btn" onClick={onRetry}>{t('retryNow')}</button>
        )}
        {status === 'conflict' && (
          <button type="button" className="btn-link btn" onClick={() => window.location.reload()}>{t('reload')}</button>
        )}
        {status === 'unauthenticated' && (
          <a className="btn-link btn" href="/login" target="_blank" rel="noreferrer">{t('loginAgain')}</a>
        )}
      </p>
    </div>
  );
}
