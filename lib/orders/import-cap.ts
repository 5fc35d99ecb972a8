import { orderLimits } from '@/lib/limits';

/**
 * Whether one file or paste brings more orders than a single import may (MAX_ORDERS_PER_IMPORT,
 * 50,000 by default): null when it fits, else the figures for "this file has N orders, over the
 * limit of L". Pure, so the import preview can say so before anything is saved.
 */
export function importOverCap(orderCount: number, limit: number = orderLimits().perImport): { count: number; limit: number } | null {
  return orderCount > limit ? { count: orderCount, limit } : null;
}

/** Why orders cannot be added: one batch over the per-import cap, or a case that would go over its cap. */
export type OrderCapProblem = { kind: 'import'; count: number; limit: number } | { kind: 'case'; limit: number; current: number; incoming: number };
