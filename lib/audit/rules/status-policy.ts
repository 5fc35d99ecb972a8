import type { OrderRecord } from '@/lib/orders/types';

/**
 * What each rule makes of an order's status, decided once here so the rules agree. `undefined`
 * (the export had no status column) keeps the behaviour the rules had before statuses existed,
 * except that nothing claims a payment the data does not show.
 *
 * unpaid            never paid: no sale, no shipment, no price.
 * paid              paid, waiting to ship.
 * shipped/completed went out (completed = signed for or confirmed).
 * closed            Taobao/Pinduoduo close both unpaid orders that timed out and fully refunded
 *                   ones: only a payment time tells them apart.
 * refunded          paid, then fully refunded (before or after shipping).
 * partiallyRefunded paid and (usually) shipped, part of the money returned.
 */

/**
 * Whether the order ever became a paid transaction. Rules that look for order rings (shared
 * contacts, bursts) count only these: an unpaid order adds nothing to sales or ranking, and buyers
 * legitimately leave several unpaid orders behind when a payment fails or they change a size.
 * Refunded orders do count: brushing rings pay, get the order credited, then take the money back,
 * and platforms' risk models count the refund as part of the pattern, not as an excuse.
 */
export function wasPaid(o: OrderRecord): boolean {
  switch (o.status) {
    case 'unpaid':
      return false;
    case 'closed':
      return o.paidAt !== undefined;
    default:
      return true;
  }
}

/** Paid and then (wholly or partly) refunded, or closed after payment: the message mentions it. */
export function wasRefunded(o: OrderRecord): boolean {
  return o.status === 'refunded' || o.status === 'partiallyRefunded' || (o.status === 'closed' && o.paidAt !== undefined);
}

/**
 * Whether the amount is a price a buyer paid for the item. Unpaid orders paid nothing; closed and
 * refunded orders show ¥0.00 or the refunded sum (a closed ¥0.00 order is no "special link").
 * A partial refund keeps the paid amount: the goods were sold at that price, and splitting the
 * refund per unit would turn "returned one of two" into a half-price sale.
 */
export function hasPrice(o: OrderRecord): boolean {
  return o.status === undefined || o.status === 'paid' || o.status === 'shipped' || o.status === 'completed' || o.status === 'partiallyRefunded';
}

/**
 * Whether the order should carry a waybill by now. Unpaid, closed and refunded orders without one
 * are the normal end of a cancelled sale (a refund before shipping is the usual 未发货仅退款).
 */
export function shouldShip(o: OrderRecord): boolean {
  return o.status === undefined || o.status === 'paid' || o.status === 'shipped' || o.status === 'completed' || o.status === 'partiallyRefunded';
}

/** The platform itself says the parcel went out, whatever the time columns say. */
export function statusSaysShipped(o: OrderRecord): boolean {
  return o.status === 'shipped' || o.status === 'completed';
}
