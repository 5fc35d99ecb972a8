import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { setOrderFlaggedAction } from '@/app/cases/[caseId]/order-actions';
import { ORDER_FILTERS, type listOrders, type OrderQuery } from '@/lib/orders/list';

type Listing = Awaited<ReturnType<typeof listOrders>>;

/** The case's orders: filter tabs, sortable columns, pages; each row can be (un)flagged. */
export async function OrdersTable({ caseId, listing, query }: { caseId: string; listing: Listing; query: OrderQuery }) {
  const [t, format] = await Promise.all([getTranslations('orders.table'), getFormatter()]);
  const href = (change: Partial<OrderQuery>) => {
    const q = { ...query, ...change };
    return `/cases/${caseId}/orders?filter=${q.filter}&sort=${q.sort}&dir=${q.dir}&page=${q.page}`;
  };
  const sortLink = (sort: OrderQuery['sort'], label: string) => {
    const active = query.sort === sort;
    const dir = active && query.dir === 'desc' ? 'asc' : 'desc';
    return (
      <Link href={href({ sort, dir, page: 1 })} aria-sort={active ? (query.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
        {label}{active ? (query.dir === 'asc' ? ' ↑' : ' ↓') : ''}
      </Link>
    );
  };

  return (
    <div className="section-block">
      <nav className="tabs" aria-label={t('filterLabel')}>
        {ORDER_FILTERS.map((filter) => (
          <Link key={filter} href={href({ filter, page: 1 })} aria-current={query.filter === filter ? 'page' : undefined} className="tab">
            {filter === 'all' || filter === 'flagged' || filter === 'unflagged'
              ? t(`filter.${filter}`, { count: listing.counts[filter] })
              : t(`filter.${filter}`)}
          </Link>
        ))}
      </nav>
      {listing.total === 0 ? (
        <p className="empty-value">{t('empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table" data-testid="orders-table">
            <thead>
              <tr>
                <th scope="col">{sortLink('orderNo', t('orderNo'))}</th>
                <th scope="col">{sortLink('orderedAt', t('orderedAt'))}</th>
                <th scope="col">{sortLink('amountCents', t('amount'))}</th>
                <th scope="col">{t('item')}</th>
                <th scope="col">{t('buyer')}</th>
                <th scope="col">{t('tracking')}</th>
                <th scope="col">{t('flagged')}</th>
              </tr>
            </thead>
            <tbody>
              {listing.rows.map((o) => (
                <tr key={o.id} data-flagged={o.flagged}>
                  <td className="mono">{o.orderNo}</td>
                  <td>{o.orderedAt ? format.dateTime(o.orderedAt, { dateStyle: 'short', timeStyle: 'short' }) : '—'}</td>
                  <td className="num">{o.amountCents == null ? '—' : format.number(o.amountCents / 100, { style: 'currency', currency: 'CNY' })}</td>
                  <td>{o.itemTitle ?? '—'}</td>
                  <td>{o.buyerName ?? '—'}</td>
                  <td className="mono">{o.trackingNo ? `${o.carrier ?? ''} ${o.trackingNo}` : '—'}</td>
                  <td>
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
              ))}
            </tbody>
          </table>
        </div>
      )}
      {listing.pages > 1 && (
        <nav className="pager" aria-label={t('pages')}>
          {query.page > 1 && <Link href={href({ page: query.page - 1 })}>← {t('previous')}</Link>}
          <span>{t('page', { page: query.page, pages: listing.pages })}</span>
          {query.page < listing.pages && <Link href={href({ page: query.page + 1 })}>{t('next')} →</Link>}
        </nav>
      )}
    </div>
  );
}
