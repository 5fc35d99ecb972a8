import type { OrderCapProblem } from '@/lib/orders/import-cap';

type QuotaT = (key: 'ordersOverImport' | 'ordersOverCase', values: Record<string, number>) => string;

/** The translated reason an import cannot add its orders (the 'quota' messages). */
export function capMessage(t: QuotaT, cap: OrderCapProblem): string {
  return cap.kind === 'import' ? t('ordersOverImport', { count: cap.count, limit: cap.limit }) : t('ordersOverCase', { limit: cap.limit, current: cap.current, incoming: cap.incoming });
}
