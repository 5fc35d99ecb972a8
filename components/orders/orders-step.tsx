import { getTranslations } from 'next-intl/server';
import { listOrders, orderQuerySchema, type OrderFilter } from '@/lib/orders/list';
import { orderNosWithFindings } from '@/lib/audit/case-audit';
import { db } from '@/lib/db/client';
import { checkTracking } from '@/lib/logistics/detect';
import { coverageRow, EVIDENCE_KINDS } from '@/lib/orders/coverage';
import { linkedKindsByOrder } from '@/lib/orders/linked-evidence';
import { ImportOrdersForm } from './import-orders-form';
import { ManualOrderForm } from './manual-order-form';
import { OrdersTable } from './orders-table';
import { PasteOrdersForm } from './paste-orders-form';

/** Order numbers for the filters the app computes; undefined for the ones the database answers. */
async function orderNosForFilter(caseId: string, filter: OrderFilter): Promise<ReadonlySet<string> | undefined> {
  if (filter === 'withFindings') return orderNosWithFindings(caseId);
  if (filter === 'withoutEvidence') {
    const [orders, linked] = await Promise.all([
      db.order.findMany({ where: { caseId }, select: { orderNo: true, trackingNo: true, carrier: true } }),
      linkedKindsByOrder(caseId),
    ]);
    // An order lacks evidence while nothing at all covers it: no valid tracking number, no linked file.
    const uncovered = (o: (typeof orders)[number]) =>
      coverageRow(o.orderNo, checkTracking({ trackingNo: o.trackingNo ?? '', carrierName: o.carrier }).status, linked.get(o.orderNo) ?? new Set()).missing.length === EVIDENCE_KINDS.length;
    return new Set(orders.filter(uncovered).map((o) => o.orderNo));
  }
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
