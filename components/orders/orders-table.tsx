import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ORDER_FILTERS, STATUS_FILTERS, type listOrders, type OrderQuery } from '@/lib/orders/list';
import { OrderRow } from './order-row';

type Listing = Awaited<ReturnType<typeof listOrders>>;

/** The case's orders: filter tabs, status chips with counts, sortable columns, pages; each row can be (un)flagged. */
export async function OrdersTable({ caseId, listing, query }: { caseId: string; listing: Listing; query: OrderQuery }) {
  const t = await getTranslations('orders.table');
  const href = (change: Partial<OrderQuery>) => {
    const q = { ...query, ...change };
    return `/cases/${caseId}/orders?filter=${q.filter}&status=${q.status}&sort=${q.sort}&dir=${q.dir}&page=${q.page}`;
  };
  const ariaSort = (sort: OrderQuery['sort']) => (query.sort === sort ? (query.dir === 'asc' ? 'ascending' : 'descending') : undefined);
  const sortLink = (sort: OrderQuery['sort'], label: string) => {
    const active = query.sort === sort;
    const dir = active && query.dir === 'desc' ? 'asc' : 'desc';
    return (
      <Link href={href({ sort, dir, page: 1 })} data-sort={sort} className="sort-link" aria-label={t('sortBy', { column: label })}>
        {label}
        {active ? (query.dir === 'asc' ? ' ↑' : ' ↓') : ''}
      </Link>
    );
  };
  const { statusCounts } = listing;
  // Without any imported status (pasted or older imports) the chips would only say "no status".
  const showStatuses = query.status !== 'any' || statusCounts.none < statusCounts.any;

  return (
    <div className="section-block">
      <nav className="tabs" aria-label={t('filterLabel')}>
        {ORDER_FILTERS.map((filter) => (
          <Link key={filter} href={href({ filter, page: 1 })} aria-current={query.filter === filter ? 'page' : undefined} className="tab">
            {filter === 'all' || filter === 'flagged' || filter === 'unflagged' ? t(`filter.${filter}`, { count: listing.counts[filter] }) : t(`filter.${filter}`)}
          </Link>
        ))}
      </nav>
      {showStatuses && (
        <nav className="tabs status-tabs" aria-label={t('statusFilterLabel')} data-testid="status-filter">
          {STATUS_FILTERS.filter((s) => s === 'any' || statusCounts[s] > 0 || s === query.status).map((s) => (
            <Link key={s} href={href({ status: s, page: 1 })} aria-current={query.status === s ? 'page' : undefined} className="tab tab-small">
              {t(`statusFilter.${s}`, { count: statusCounts[s] })}
            </Link>
          ))}
        </nav>
      )}
      {listing.total === 0 ? (
        <p className="empty-value">{listing.counts.all === 0 ? t('empty') : t('emptyFiltered')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table orders-table" data-testid="orders-table">
            <thead>
              <tr>
                <th scope="col" className="cell-no" aria-sort={ariaSort('orderNo')}>{sortLink('orderNo', t('orderNo'))}</th>
                <th scope="col" className="cell-time" aria-sort={ariaSort('orderedAt') ?? ariaSort('paidAt')}>
                  {sortLink('orderedAt', t('orderedAt'))}
                  <span className="sort-sep"> / </span>
                  {sortLink('paidAt', t('paidAt'))}
                </th>
                <th scope="col" className="cell-amount" aria-sort={ariaSort('amountCents')}>{sortLink('amountCents', t('amount'))}</th>
                <th scope="col" className="cell-status" aria-sort={ariaSort('status')}>{sortLink('status', t('status'))}</th>
                <th scope="col" className="cell-item">{t('itemBuyerTracking')}</th>
                <th scope="col" className="cell-flag">{t('flagged')}</th>
              </tr>
            </thead>
            <tbody>
              {listing.rows.map((o) => (
                <OrderRow key={o.id} caseId={caseId} order={o} />
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
