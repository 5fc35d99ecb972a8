import { getTranslations } from 'next-intl/server';
import { listOrders, orderQuerySchema, type OrderFilter } from '@/lib/orders/list';
import { orderNosWithFindings } from '@/lib/audit/case-audit';
import { orderNosWithoutEvidence } from '@/lib/orders/queries';
import { ImportOrdersForm } from './import-orders-form';
import { ManualOrderForm } from './manual-order-form';
import { OrdersTable } from './orders-table';
import { PasteOrdersForm } from './paste-orders-form';

/** Order numbers for the filters the app computes; undefined for the ones the database answers. */
async function orderNosForFilter(caseId: string, filter: OrderFilter): Promise<ReadonlySet<string> | undefined> {
  if (filter === 'withFindings') return orderNosWithFindings(caseId);
  if (filter === 'withoutEvidence') return orderNosWithoutEvidence(caseId);
  return undefined;
}

/** Step 2: the orders the platform named, and the rest of the shop's orders for context. */
export async function OrdersStep({ caseId, searchParams }: { caseId: string; searchParams: Record<string, string | undefined> }) {
  const t = await getTranslations('orders');
  const query = orderQuerySchema.parse(searchParams);
  const listing = await listOrders(caseId, query, await orderNosForFilter(caseId, query.filter));
  return (
    <section className="card" aria-labelledby="step-title">
      <h2 id="step-title">{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      <PasteOrdersForm caseId={caseId} />
      <ManualOrderForm caseId={caseId} />
      <ImportOrdersForm caseId={caseId} />
      <OrdersTable caseId={caseId} listing={listing} query={query} />
    </section>
  );
}
