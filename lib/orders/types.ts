import type { OrderStatus } from './status';

/**
 * An order as the appeal needs it, normalised from any platform's export.
 * Only what the appeal uses is kept; personal data arrives already masked
 * (see lib/orders/import/privacy.ts) unless the merchant chose to keep it.
 */
export type OrderRecord = {
  /** Platform order number, always a string: 18–19 digit numbers must never pass through a float. */
  orderNo: string;
  /** Buyer nickname or name, masked (张*). */
  buyerName?: string;
  /** Buyer phone, masked (138****5678). */
  buyerPhone?: string;
  /** Delivery address: province/city/district only unless the merchant keeps the street. */
  address?: string;
  /** Buyer IP address where the export has one. */
  ip?: string;
  createdAt?: Date;
  paidAt?: Date;
  /** Amount actually paid, in fen (1/100 yuan) or cents: integers, never floats. */
  amountCents?: number;
  itemTitle?: string;
  quantity?: number;
  trackingNo?: string;
  /** Carrier name as written in the export (顺丰速运, 中通快递 …) or a CarrierId. */
  carrier?: string;
  shippedAt?: Date;
  signedAt?: Date;
  /**
   * Normalised from the export's order and after-sales status columns (lib/orders/status.ts);
   * null when the export's words could not be read (statusText keeps them).
   */
  status?: OrderStatus | null;
  /** The status text as the export wrote it, shown beside the normalised one. */
  statusText?: string;
  /** Refunded amount in fen, where the export says. */
  refundCents?: number;
};

/**
 * Columns an import reads that are not stored as such: the after-sales state and close reason feed
 * `status` and `statusText`; a combined logistics cell (抖店 快递信息) is split into carrier and
 * tracking number.
 */
export type ImportOnlyField = 'afterSale' | 'closeReason' | 'logistics';

/** The fields an import can map a column to. */
export const ORDER_FIELDS = [
  'orderNo',
  'buyerName',
  'buyerPhone',
  'address',
  'ip',
  'createdAt',
  'paidAt',
  'amountCents',
  'itemTitle',
  'quantity',
  'trackingNo',
  'carrier',
  'shippedAt',
  'signedAt',
  'status',
  'afterSale',
  'closeReason',
  'refundCents',
  'logistics',
] as const satisfies readonly (Exclude<keyof OrderRecord, 'statusText'> | ImportOnlyField)[];
export type OrderField = (typeof ORDER_FIELDS)[number];
