import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { CARRIERS, type CarrierId } from '@/lib/logistics/carriers';
import { checkTracking } from '@/lib/logistics/detect';
import { parseTrackingHistory, shippedEvent, signedEvent } from '@/lib/logistics/tracking-history';
import { coverageRow, EVIDENCE_KINDS } from '@/lib/orders/coverage';
import { linkedKindsByOrder } from '@/lib/orders/linked-evidence';
import { flaggedOrders } from '@/lib/orders/queries';
import { toChinaLocalInput } from '@/lib/schemas/china-time';
import { OrderLogisticsForm } from './order-logistics-form';

/** Orders shown on one page: the flagged ones are what the appeal is about. */
const MAX_ORDERS = 200;

/** Step 5: delivery details of each flagged order, checked against its carrier, and what proof each order has. */
export async function LogisticsStep({ caseId }: { caseId: string }) {
  const [t, tc, format, locale] = await Promise.all([getTranslations('logistics'), getTranslations('logistics.coverage'), getFormatter(), getLocale()]);
  const [orders, linked] = await Promise.all([
    flaggedOrders(caseId, MAX_ORDERS),
    linkedKindsByOrder(caseId),
  ]);
  const rows = orders.map((o) => {
    const check = checkTracking({ trackingNo: o.trackingNo ?? '', carrierName: o.carrier });
    const history = o.trackingHistory ? parseTrackingHistory(o.trackingHistory) : null;
    return { order: o, check, history, coverage: coverageRow(o.orderNo, check.status, linked.get(o.orderNo) ?? new Set()) };
  });
  const carrierName = (id: string | null) => {
    const carrier = id && id in CARRIERS ? CARRIERS[id as CarrierId] : undefined;
    return carrier ? (locale === 'en' ? carrier.nameEn : carrier.nameZh) : (id ?? '');
  };
  const when = (d: Date | null | undefined) => (d ? format.dateTime(d, { dateStyle: 'short', timeStyle: 'short' }) : '—');

  return (
    <section className="card" aria-labelledby="step-title">
      <h2 id="step-title">{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      {rows.length === 0 ? (
        <p className="empty-value">{t('noFlagged')}</p>
      ) : (
        <>
          <h3>{tc('title')}</h3>
          <p className="hint">{tc('hint')}</p>
          <div className="table-wrap">
            <table className="data-table" data-testid="coverage">
              <thead>
                <tr>
                  <th scope="col">{t('orderNo')}</th>
                  {EVIDENCE_KINDS.map((kind) => <th key={kind} scope="col">{tc(`kinds.${kind}`)}</th>)}
                </tr>
              </thead>
              <tbody>
                {rows.map(({ coverage }) => (
                  <tr key={coverage.orderNo}>
                    <td className="mono">{coverage.orderNo}</td>
                    {EVIDENCE_KINDS.map((kind) => (
                      <td key={kind} className={coverage.has[kind] ? 'cov-yes' : 'cov-no'}>{coverage.has[kind] ? tc('has') : tc('missing')}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          <ol className="finding-list section-block">
            {rows.map(({ order, check, history }) => (
              <li key={order.id} className="finding" data-testid="logistics-order" data-order={order.orderNo}>
                <h3 className="mono">{order.orderNo}</h3>
                <p data-testid="tracking-check" data-status={check.status}>
                  {t(`check.${check.status}`, { carrier: carrierName(check.carrier), detected: check.detected.map(carrierName).join('、') || '—' })}
                  {check.checkDigit === 'invalid' && ` ${t('check.checkDigitInvalid')}`}
                </p>
                {history && (
                  <p className="hint" data-testid="history-summary">
                    {t('history', { events: history.events.length, undated: history.undated.length, shipped: when(shippedEvent(history.events)?.at), signed: when(signedEvent(history.events)?.at) })}
                  </p>
                )}
                <OrderLogisticsForm
                  caseId={caseId}
                  orderNo={order.orderNo}
                  initial={{
                    carrier: order.carrier ?? '',
                    trackingNo: order.trackingNo ?? '',
                    shippedAt: toChinaLocalInput(order.shippedAt),
                    signedAt: toChinaLocalInput(order.signedAt),
                    trackingHistory: order.trackingHistory,
                  }}
                />
              </li>
            ))}
          </ol>
          {orders.length === MAX_ORDERS && <p className="hint">{t('truncated', { max: MAX_ORDERS })}</p>}
        </>
      )}
    </section>
  );
}
