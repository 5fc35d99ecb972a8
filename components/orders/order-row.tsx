import { getFormatter, getTranslations } from 'next-intl/server';
import { setOrderFlaggedAction } from '@/app/cases/[caseId]/order-actions';
import type { listOrders } from '@/lib/orders/list';
import { isOrderStatus } from '@/lib/orders/status';

type Order = Awaited<ReturnType<typeof listOrders>>['rows'][number];

// Refunds and closed orders are what a reviewer asks about first; they stand out.
const STATUS_TONE: Record<string, string> = { refunded: 'badge-passed', partiallyRefunded: 'badge-soon', closed: 'badge-soon', completed: 'badge-ok' };

/**
 * One order: a table row on wide screens, a compact card below 720 px (the
 * cells carry class names the card layout places; see .orders-table in globals.css).
 */
export async function OrderRow({ caseId, order: o }: { caseId: string; order: Order }) {
  const [t, format] = await Promise.all([getTranslations('orders.table'), getFormatter()]);
  const time = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: 'short', timeStyle: 'short' }) : null);
  const money = (cents: number) => format.number(cents / 100, { style: 'currency', currency: 'CNY' });
  const status = isOrderStatus(o.status) ? o.status : null;
  const statusLabel = status ? t(`statuses.${status}`) : null;
  return (
    <tr data-flagged={o.flagged} data-order-no={o.orderNo}>
      <td className="cell-no mono" data-testid="order-no">{o.orderNo}</td>
      <td className="cell-time">
        {/* The labels show on the phone card only; on a wide screen the column header says which is which. */}
        <span className="when">
          <span className="cell-label">{t('orderedShort')} </span>
          {time(o.orderedAt) ?? '—'}
        </span>
        {o.paidAt && (
          <span className="sub when">
            <span className="cell-label">{t('paidShort')} </span>
            {time(o.paidAt)}
          </span>
        )}
      </td>
      <td className="cell-amount num">
        {o.amountCents == null ? '—' : money(o.amountCents)}
        {o.refundCents != null && o.refundCents > 0 && <span className="sub refund">{t('refund', { amount: money(o.refundCents) })}</span>}
      </td>
      <td className="cell-status">
        {statusLabel ? (
          <span className={`badge ${STATUS_TONE[status ?? ''] ?? ''}`} title={o.statusText ?? undefined}>
            {statusLabel}
          </span>
        ) : o.statusText ? (
          // A status the import could not place: shown as written, never guessed.
          <span className="badge badge-raw" title={t('statusUnknown')}>{o.statusText}</span>
        ) : (
          <span className="empty-value">—</span>
        )}
      </td>
      <td className="cell-item">
        <span className="clamp" title={o.itemTitle ?? undefined}>{o.itemTitle ?? '—'}</span>
        {(o.buyerName || o.trackingNo) && (
          // Buyer and waybill share the item's cell: seven columns fit a 1280 px screen, nine did not.
          <span className="sub">
            {o.buyerName && <span>{t('buyer')} {o.buyerName}</span>}
            {o.trackingNo && <span className="waybill">{t('tracking')} {[o.carrier, o.trackingNo].filter(Boolean).join(' ')}</span>}
          </span>
        )}
      </td>
      <td className="cell-flag">
        <form action={setOrderFlaggedAction}>
          <input type="hidden" name="caseId" value={caseId} />
          <input type="hidden" name="orderNo" value={o.orderNo} />
          <input type="hidden" name="flagged" value={String(!o.flagged)} />
          <button type="submit" className={o.flagged ? 'btn badge-passed' : 'btn'} aria-pressed={o.flagged} aria-label={t(o.flagged ? 'unflag' : 'flag', { orderNo: o.orderNo })}>
            {o.flagged ? t('isFlagged') : t('notFlagged')}
          </button>
        </form>
      </td>
    </tr>
  );
}
