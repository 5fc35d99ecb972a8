import { getFormatter, getTranslations } from 'next-intl/server';
import { EVIDENCE_CATEGORIES, EXHIBIT_LETTER } from '@/lib/evidence/categories';
import { moveEvidenceAction, sortEvidenceByDateAction } from '@/app/cases/[caseId]/evidence-order-actions';
import { hasDefaultTitle } from '@/lib/evidence/default-title';
import { plainDisplayText } from '@/lib/evidence/inspect/file-name';
import { uploadLimits } from '@/lib/evidence/limits';
import { listEvidence } from '@/lib/evidence/list';
import { storageUsage } from '@/lib/quota/storage';
import { checkUncheckedLocations } from '@/lib/evidence/location';
import { flaggedOrderNos } from '@/lib/orders/queries';
import { textPreview } from '@/lib/evidence/text-preview';
import { formatCalendarDate } from '@/lib/schemas/dates';
import { caseChecklistNow } from '@/lib/checklist/query';
import { ChecklistPanel } from '@/components/checklist/checklist-panel';
import { EvidenceTicks } from '@/components/checklist/evidence-ticks';
import { EvidenceDetailsForm } from './evidence-details-form';
import { EvidenceItemNotes } from './evidence-item-notes';
import { EvidenceVideo } from './evidence-video';
import { Uploader } from './uploader';

/** Step 4: upload evidence; each file listed under its category with its hash and checks. */
export async function EvidenceStep({ caseId, userId }: { caseId: string; userId: string }) {
  const [t, tc, format] = await Promise.all([getTranslations('evidence'), getTranslations('evidence.categories'), getFormatter()]);
  const flagged = await flaggedOrderNos(caseId, 61);
  await checkUncheckedLocations(caseId);
  const [files, checklist] = await Promise.all([listEvidence(caseId), caseChecklistNow(caseId)]);
  const { maxFileBytes, maxVideoBytes } = uploadLimits();
  // The reserved totals, not a sum of the list: they are what the server checks, uploads in flight included.
  const { caseBytes: used, maxCaseBytes, roomBytes, limitedBy } = await storageUsage(userId, caseId);
  const TEXT_KINDS = new Set(['text', 'csv', 'html']);
  const previews = new Map(await Promise.all(files.filter((f) => TEXT_KINDS.has(f.kind)).map(async (f) => [f.id, await textPreview(f.storageKey)] as const)));
  const size = (bytes: number) =>
    bytes < 1024 * 1024 ? `${format.number(Math.ceil(bytes / 1024))} KB` : `${format.number(bytes / 1024 / 1024, { maximumFractionDigits: 1 })} MB`;

  return (
    <section className="card" aria-labelledby="step-title">
      <h2 id="step-title">{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      <p className="hint">{t('usage', { used: size(used), limit: size(maxCaseBytes) })}</p>
      <ChecklistPanel caseId={caseId} statuses={checklist} />
      <Uploader caseId={caseId} maxFileBytes={maxFileBytes} maxVideoBytes={maxVideoBytes} roomBytes={roomBytes} roomError={limitedBy} />
      {files.length > 1 && <p className="hint">{t('sortByDateHint')}</p>}
      {EVIDENCE_CATEGORIES.map((category) => {
        const inCategory = files.filter((f) => f.category === category);
        if (inCategory.length === 0) return null;
        return (
          <div key={category} className="section-block">
            <h3>{tc(`${category}.name`)}</h3>
            {inCategory.length > 1 && (
              <form action={sortEvidenceByDateAction}>
                <input type="hidden" name="caseId" value={caseId} />
                <input type="hidden" name="category" value={category} />
                <button type="submit" className="btn-link btn">{t('sortByDate')}</button>
              </form>
            )}
            <ul className="evidence-list" data-testid={`evidence-${category}`}>
              {inCategory.map((f, index) => (
                <li key={f.id} className="evidence-item" data-check={f.checkStatus}>
                  {f.thumbnailKey ? (
                    <figure className="thumb">
                      {/* eslint-disable-next-line @next/next/no-img-element -- a private, owner-only route: next/image would proxy and cache it */}
                      <img src={`/api/cases/${caseId}/evidence/${f.id}/thumbnail`} alt={t('thumbnailOf', { name: plainDisplayText(f.originalName) })} width={96} height={96} />
                      <figcaption>{t('derived')}</figcaption>
                    </figure>
                  ) : (
                    <span className="evidence-kind" aria-hidden="true">{f.kind.toUpperCase()}</span>
                  )}
                  <div>
                    <strong>{EXHIBIT_LETTER[category]}-{String(f.position).padStart(3, '0')} {plainDisplayText(f.title)}</strong>
                    <p className="hint">
                      <span className="file-name">{plainDisplayText(f.originalName)}</span> · {size(f.size)}
                      {f.pageCount ? ` · ${t('pages', { count: f.pageCount })}` : ''}
                      {f.documentDate ? ` · ${format.dateTime(f.documentDate, { dateStyle: 'medium' })}` : ''}
                    </p>
                    <p className="hint mono" title={f.sha256}>SHA-256 {f.sha256.slice(0, 16)}…</p>
                    <EvidenceVideo caseId={caseId} evidence={f} />
                    <EvidenceItemNotes caseId={caseId} evidence={f} />
                    <EvidenceTicks caseId={caseId} file={f} checklist={checklist} />
                    {previews.get(f.id) && (
                      <details>
                        <summary>{t('showText')}</summary>
                        <pre className="preview" data-testid="text-preview">{previews.get(f.id)}</pre>
                      </details>
                    )}
                    <a href={`/api/cases/${caseId}/evidence/${f.id}/original`}>{t('download')}</a>
                    <form action={moveEvidenceAction} className="move-buttons">
                      <input type="hidden" name="caseId" value={caseId} />
                      <input type="hidden" name="evidenceId" value={f.id} />
                      <button type="submit" name="direction" value="up" className="btn-link btn" disabled={index === 0} aria-label={t('moveUp', { title: f.title })}>↑</button>
                      <button type="submit" name="direction" value="down" className="btn-link btn" disabled={index === inCategory.length - 1} aria-label={t('moveDown', { title: f.title })}>↓</button>
                    </form>
                    <EvidenceDetailsForm
                      caseId={caseId}
                      evidenceId={f.id}
                      flaggedOrders={flagged}
                      needsTitle={hasDefaultTitle(f.title, f.originalName)}
                      initial={{ category: f.category, title: f.title, documentDate: formatCalendarDate(f.documentDate), description: f.description, orderNos: f.orders.map((l) => l.order.orderNo) }}
                    />
                  </div>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
