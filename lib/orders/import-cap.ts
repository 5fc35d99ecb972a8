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

/** A job's error when an import stopped at the case's cap after saving some chunks (the page translates it). */
export const ORDER_CAP_REACHED = 'orderCapReached';

/**
 * Thrown by upsertOrders when a chunk's new orders would take the case over its cap, read inside
 * the chunk's transaction: the check before an import can pass for two imports at once, this
 * one cannot. `created` counts the orders earlier chunks of the same call had already added.
 */
export class OrderCapReached extends Error {
  readonly limit: number;
  readonly current: number;
  readonly incoming: number;
  created = 0;

  constructor(figures: { limit: number; current: number; incoming: number }) {
    super(`the case holds ${figures.current} of at most ${figures.limit} orders; ${figures.incoming} more would go over`);
    this.name = 'OrderCapReached';
    ({ limit: this.limit, current: this.current, incoming: this.incoming } = figures);
  }
}
