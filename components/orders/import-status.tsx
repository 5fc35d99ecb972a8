import { getFormatter, getTranslations } from 'next-intl/server';
import { JobProgress } from '@/components/jobs/job-progress';
import { ORDER_CAP_REACHED } from '@/lib/orders/import-cap';
import type { ImportJobView } from '@/lib/orders/import-job';
import { STORAGE_FULL } from '@/lib/storage/errors';
import { capMessage } from './cap-message';
import { RowErrorList } from './row-error-list';

/**
 * The case's latest import as the job left it: its progress while it runs (the page follows it),
 * what it saved and which rows it could not read once done, or why it stopped.
 */
export async function ImportStatus({ view }: { view: ImportJobView | null }) {
  if (!view) return null;
  const [t, tq, format] = await Promise.all([getTranslations('orders.import'), getTranslations('quota'), getFormatter()]);
  const file = view.fileName;
  if (view.status === 'queued' || view.status === 'running') {
    return <JobProgress testId="import-running" label={t('running', { file })} detail={t(view.resumed ? 'resumedHint' : 'runningHint')} progress={view.progress} />;
  }
  const when = format.dateTime(view.createdAt, { dateStyle: 'medium', timeStyle: 'short' });
  if (view.status === 'failed' || !view.result) {
    const reason = view.error === 'interrupted' ? t('failedInterrupted') : view.error === STORAGE_FULL ? t('failedStorageFull') : view.error === ORDER_CAP_REACHED ? t('failedOrderCap') : t('failedOther');
    // A job that stopped may have saved some chunks already: "not finished", never "not imported".
    return <p className="alert alert-error" role="alert" data-testid="import-failed">{t('stopped', { file, when, reason })}</p>;
  }
  const result = view.result;
  if (!result.ok) {
    const message =
      result.error === 'correctionBroken'
        ? t('errors.correctionBroken', { lines: result.lines.join(', ') })
        : result.error === 'overCap'
          ? capMessage(tq, result.cap)
          : t(`errors.${result.error}`);
    return <p className="alert alert-error" role="alert" data-testid="import-failed">{t('failed', { file, when, reason: message })}</p>;
  }
  return (
    <div role="status" data-testid="import-result" className="section-block">
      <p className="hint">
        {t('lastImport', { file, when })} {t('done', { created: result.created, updated: result.updated, errors: result.rowErrorCount })}
        {view.resumed && ` ${t('resumedDone')}`}
      </p>
      <RowErrorList errors={result.rowErrors} total={result.rowErrorCount} />
    </div>
  );
}
