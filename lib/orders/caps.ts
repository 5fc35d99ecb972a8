import 'server-only';
import { db } from '@/lib/db/client';
import { orderLimits } from '@/lib/limits';

import { importOverCap, type OrderCapProblem } from './import-cap';

export { importOverCap } from './import-cap';

export type OrderCapacity = { ok: true } | { ok: false; limit: number; current: number; incoming: number };

/** The order caps in force: per case and per import (MAX_ORDERS_PER_CASE, MAX_ORDERS_PER_IMPORT). */
export function orderCaps() {
  return orderLimits();
}

const CHUNK = 500;

/**
 * Whether the case can take these orders. Only numbers NEW to the case count: re-importing or
 * re-pasting orders it already has only fills them in, so a full case can still be corrected.
 * The check that answers the merchant before anything is saved; the cap itself is held by the
 * insert (upsertOrders counts inside each chunk's transaction, so two imports or pastes passing
 * this check at the same moment cannot together go over it).
 */
export async function checkOrderCapacity(caseId: string, incomingOrderNos: string[]): Promise<OrderCapacity> {
  const unique = [...new Set(incomingOrderNos)];
  let known = 0;
  for (let start = 0; start < unique.length; start += CHUNK) {
    known += await db.order.count({ where: { caseId, orderNo: { in: unique.slice(start, start + CHUNK) } } });
  }
  const incoming = unique.length - known;
  if (incoming === 0) return { ok: true };
  const { perCase: limit } = orderCaps();
  const current = await db.order.count({ where: { caseId } });
  return current + incoming <= limit ? { ok: true } : { ok: false, limit, current, incoming };
}

/** Both caps for one batch of order numbers (an import file): null when it may be added. */
export async function orderCapProblem(caseId: string, orderNos: string[]): Promise<OrderCapProblem | null> {
  const overImport = importOverCap(orderNos.length);
  if (overImport) return { kind: 'import', ...overImport };
  const capacity = await checkOrderCapacity(caseId, orderNos);
  return capacity.ok ? null : { kind: 'case', limit: capacity.limit, current: capacity.current, incoming: capacity.incoming };
}
