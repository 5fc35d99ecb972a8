import { orderLimits } from '@/lib/limits';

/**
 * Whether one file or paste brings more orders than a single import may (MAX_ORDERS_PER_IMPORT,
 * 50,000 by default): null when it fits, else the figures for "this file has N orders, over the
 * limit of L". Pure, so the import preview can say so before anything is saved.
 */
export function importOverCap(orderCount: number, limit: number = orderLimits().perImport): { count: number; limit: number } | null {
  return orderCount > limit ? { count: orderCount, limit } : null;
}
