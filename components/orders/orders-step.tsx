import { getTranslations } from 'next-intl/server';
import { auditState } from '@/lib/audit/audit-job';
import { latestImport } from '@/lib/orders/import-job';
import { orderQuerySchema } from '@/lib/orders/list';
import { offThread } from '@/lib/jobs/tasks';
import { ImportOrdersForm } from './import-orders-form';
import { ImportStatus } from './import-status';
import { ManualOrderForm } from './manual-order-form';
import { OrdersTable } from './orders-table';
import { PasteOrdersForm } from './paste-orders-form';

/** Step 2: the orders the platform named, and the rest of the shop's orders for context. */
export async function OrdersStep({ caseId, searchParams }: { caseId: string; searchParams: Record<string, string | undefined> }) {
  const t = await getTranslations('orders');
  const query = orderQuerySchema.parse(searchParams);
  // The "with findings" filter needs the audit: while it is being recomputed the page says so.
  const auditPending = query.filter === 'withFindings' && !(await auditState(caseId)).ready;
  const [listing, lastImport] = await Promise.all([offThread('orderListing', { caseId, query: auditPending ? { ...query, filter: 'all' } : query }), latestImport(caseId)]);
  return (
    <section className="card" aria-labelledby="step-title">
      <h2 id="step-title">{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      <PasteOrdersForm caseId={caseId} />
      <ManualOrderForm caseId={caseId} />
      <ImportOrdersForm caseId={caseId} />
      <ImportStatus view={lastImport} />
      {auditPending && <p className="alert alert-warn" data-testid="filter-pending">{t('filterPending')}</p>}
      <OrdersTable caseId={caseId} listing={listing} query={query} />
    </section>
  );
}
