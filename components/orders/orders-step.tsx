import { getTranslations } from 'next-intl/server';
import { listOrders, orderQuerySchema } from '@/lib/orders/list';
import { ImportOrdersForm } from './import-orders-form';
import { OrdersTable } from './orders-table';
import { PasteOrdersForm } from './paste-orders-form';

/** Step 2: the orders the platform named, and the rest of the shop's orders for context. */
export async function OrdersStep({ caseId, searchParams }: { caseId: string; searchParams: Record<string, string | undefined> }) {
  const t = await getTranslations('orders');
  const query = orderQuerySchema.parse(searchParams);
  const listing = await listOrders(caseId, query);
  return (
    <section className="card" aria-labelledby="step-title">
      <h2 id="step-title">{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      <PasteOrdersForm caseId={caseId} />
      <ImportOrdersForm caseId={caseId} />
      <OrdersTable caseId={caseId} listing={listing} query={query} />
    </section>
  );
}
