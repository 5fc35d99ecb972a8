import { checkTracking, type TrackingStatus } from '@/lib/logistics/detect';
import { parseTrackingHistory } from '@/lib/logistics/tracking-history';
import { bundleLimits } from '@/lib/limits';

/** What a penalised order's dossier prints beyond the orders table's columns. */
export type OrderDossier = {
  orderNo: string;
  /** lib/orders/status.ts ORDER_STATUSES, or '' when the export had no status. */
  status: string;
  statusText: string;
  paidAt: Date | null;
  shippedAt: Date | null;
  signedAt: Date | null;
  tracking: { status: TrackingStatus; checkDigit?: 'valid' | 'invalid' };
  /** The pasted timeline, oldest first: at most EVENTS_KEPT, the count of the rest in `moreEvents`. */
  events: Array<{ at: Date; text: string }>;
  moreEvents: number;
  /** Pasted lines that are not dated events, counted (they stay on the logistics step). */
  undated: number;
};

/** One page per order up to the limit; above it, one compact table (`compact`), so a 5,000-order case stays in its size. */
export type DossierData = { compact: boolean; max: number; orders: OrderDossier[] };

/** A timeline longer than this is cut: the first and last events are what a reviewer checks. */
export const EVENTS_KEPT = 30;

type OrderRow = {
  orderNo: string;
  status: string | null;
  statusText: string | null;
  paidAt: Date | null;
  shippedAt: Date | null;
  signedAt: Date | null;
  carrier: string | null;
  trackingNo: string | null;
  trackingHistory: string;
};

function keptEvents(events: ReadonlyArray<{ at: Date; text: string }>) {
  if (events.length <= EVENTS_KEPT) return { events: events.map(({ at, text }) => ({ at, text })), moreEvents: 0 };
  // The pick-up end and the delivery end both matter; the middle is transit.
  const head = events.slice(0, EVENTS_KEPT - 10);
  const tail = events.slice(-10);
  return { events: [...head, ...tail].map(({ at, text }) => ({ at, text })), moreEvents: events.length - EVENTS_KEPT };
}

/**
 * The dossiers of the flagged orders, in the orders table's order. The timeline is parsed relative
 * to `now` (pastes without a year resolve to the latest such date not after it).
 */
export function orderDossiers(rows: readonly OrderRow[], now: Date): DossierData {
  const orders = rows.map((o): OrderDossier => {
    const check = checkTracking({ trackingNo: o.trackingNo ?? '', carrierName: o.carrier ?? undefined });
    const history = o.trackingHistory.trim() ? parseTrackingHistory(o.trackingHistory, now) : { events: [], undated: [] };
    return {
      orderNo: o.orderNo,
      status: o.status ?? '',
      statusText: o.statusText ?? '',
      paidAt: o.paidAt,
      shippedAt: o.shippedAt,
      signedAt: o.signedAt,
      tracking: { status: check.status, ...(check.checkDigit ? { checkDigit: check.checkDigit } : {}) },
      ...keptEvents(history.events),
      undated: history.undated.length,
    };
  });
  const max = bundleLimits().maxDossierPages;
  return { compact: orders.length > max, max, orders };
}
