import { useEffect, useState } from 'react';
import { ORDER_STATUSES, type OrderStatus } from '../../../domain/types';
import { formatDateTime } from '../../../i18n/format-date';
import { tAdmin } from '../../../i18n/admin-i18n';
import { tOrder } from '../../../i18n/orders-i18n';
import { navigate, useLocation } from '../../../platform/router';
import { EmptyState } from '../../../ui/empty-state';
import { ErrorView } from '../../../ui/error-view';
import { ForwardIcon, OrdersIcon, SearchIcon } from '../../../ui/icons';
import { Link } from '../../../ui/link';
import { OrderStatusBadge } from '../../../ui/order-status';
import { formatPrice } from '../../../ui/format-price';
import { useAdminApi } from '../common/admin-api';
import { fetchOrdersPage, useAdminOrders, useDeliveryMethodNames } from './api';
import { DELIVERY_KINDS, type AdminOrderSummary, type OrdersPage } from '../common/admin-types';
import { customerName } from '../common/customer-name';
import { PendingView } from '../common/pending-view';

// Paid first: those are the orders waiting for the merchant to act.
const FILTERS: readonly OrderStatus[] = ['paid', 'pending', 'confirming', 'shipped', 'ready_for_pickup', 'completed', 'cancelled', 'refunded', 'expired'];

/** Filter and query live in the URL (replaced, not pushed), so back from an order restores them. */
function replaceSearchParam(name: string, value: string | null): void {
  const params = new URLSearchParams(window.location.search);
  if (value) params.set(name, value);
  else params.delete(name);
  const search = params.toString();
  navigate(window.location.pathname + (search ? `?${search}` : ''), { replace: true });
}

function readStatus(search: string): OrderStatus | '' {
  const status = new URLSearchParams(search).get('status') ?? '';
  return (ORDER_STATUSES as readonly string[]).includes(status) ? (status as OrderStatus) : '';
}

// A kind (shipping, courier, pickup, none) or one method's id, as the server's filter reads them.
function readDelivery(search: string): string {
  const delivery = new URLSearchParams(search).get('delivery') ?? '';
  return /^[a-z0-9][a-z0-9-]{0,39}$/.test(delivery) ? delivery : '';
}

export function OrdersScreen() {
  const location = useLocation();
  const status = readStatus(location.search);
  const [query, setQuery] = useState(() => new URLSearchParams(location.search).get('q') ?? '');
  const q = new URLSearchParams(location.search).get('q') ?? '';
  const delivery = readDelivery(location.search);
  // Each method by name, besides the kinds: two couriers are told apart. An id that reads as a kind is the kind's entry.
  const methodChoices = (useDeliveryMethodNames() ?? []).filter((method) => !(DELIVERY_KINDS as readonly string[]).includes(method.id));

  useEffect(() => {
    const timer = setTimeout(() => replaceSearchParam('q', query.trim() || null), 350);
    return () => clearTimeout(timer);
  }, [query]);

  return (
    <>
      <h1 className="screen__title">{tAdmin('admin.orders.title')}</h1>
      <form className="search" role="search" onSubmit={(event) => (event.preventDefault(), replaceSearchParam('q', query.trim() || null))}>
        <SearchIcon />
        <input
          type="search"
          data-testid="admin-order-search"
          aria-label={tAdmin('admin.orders.searchLabel')}
          placeholder={tAdmin('admin.orders.searchPlaceholder')}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          enterKeyHint="search"
        />
      </form>
      <div className="chips" role="group" aria-label={tAdmin('admin.orders.filterLabel')}>
        <button type="button" className="chip" aria-pressed={status === ''} onClick={() => replaceSearchParam('status', null)}>
          {tAdmin('admin.orders.filterAll')}
        </button>
        {FILTERS.map((value) => (
          <button
            key={value}
            type="button"
            className="chip"
            data-testid={`admin-filter-${value}`}
            aria-pressed={status === value}
            onClick={() => replaceSearchParam('status', value)}
          >
            {tOrder(`status.label.${value}`)}
          </button>
        ))}
      </div>
      <label className="admin-filter">
        <span>{tAdmin('admin.orders.deliveryFilter')}</span>
        <select
          className="input"
          data-testid="admin-delivery-filter"
          value={delivery}
          onChange={(event) => replaceSearchParam('delivery', event.target.value || null)}
        >
          <option value="">{tAdmin('admin.orders.filterAll')}</option>
          {DELIVERY_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {tAdmin(`admin.delivery.kind.${kind}`)}
            </option>
          ))}
          {methodChoices.length > 0 && (
            <optgroup label={tAdmin('admin.orders.deliveryMethods')}>
              {methodChoices.map((method) => (
                <option key={method.id} value={method.id}>
                  {method.name}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </label>
      <OrderList
        key={`${status}|${q}|${delivery}`}
        status={status}
        q={q}
        delivery={delivery}
        onClear={() => (setQuery(''), navigate('/admin/orders', { replace: true }))}
        // Opening an order before the debounce ran: keep the search in this entry, so back restores it.
        onOpen={() => query.trim() !== q && replaceSearchParam('q', query.trim() || null)}
      />
    </>
  );
}

function OrderList({ status, q, delivery, onClear, onOpen }: { status: string; q: string; delivery: string; onClear: () => void; onOpen: () => void }) {
  const api = useAdminApi();
  const first = useAdminOrders({ status, q, delivery });
  const [more, setMore] = useState<OrdersPage[]>([]);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(undefined);

  if (!first.data) return <PendingView resource={first} label={tAdmin('admin.orders.title')} />;
  const orders = [first.data, ...more].flatMap((page) => page.orders);
  const cursor = (more.at(-1) ?? first.data).nextCursor;

  if (orders.length === 0) {
    const filtered = status !== '' || q !== '' || delivery !== '';
    return (
      <EmptyState
        icon={<OrdersIcon />}
        title={filtered ? tAdmin('admin.orders.noMatchTitle') : tAdmin('admin.orders.emptyTitle')}
        body={filtered ? tAdmin('admin.orders.noMatchBody') : tAdmin('admin.orders.emptyBody')}
        action={
          filtered ? (
            <button type="button" className="button" onClick={onClear}>
              {tAdmin('admin.orders.clearFilters')}
            </button>
          ) : undefined
        }
      />
    );
  }

  const loadMore = async () => {
    if (!cursor) return;
    setLoadingMore(true);
    setMoreError(undefined);
    try {
      const page = await fetchOrdersPage(api, { status, q, delivery }, cursor);
      setMore((pages) => [...pages, page]);
    } catch (error) {
      setMoreError(error);
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <>
      <ul className="order-list card" data-testid="admin-order-list">
        {orders.map((order) => (
          <li key={order.id}>
            <OrderRow order={order} onOpen={onOpen} />
          </li>
        ))}
      </ul>
      {moreError !== undefined && <ErrorView compact error={moreError} onRetry={() => void loadMore()} />}
      {cursor && (
        <button type="button" className="button" onClick={() => void loadMore()} disabled={loadingMore} aria-busy={loadingMore || undefined}>
          {loadingMore && <span className="spinner" aria-hidden="true" />}
          {tAdmin('admin.orders.loadMore')}
        </button>
      )}
    </>
  );
}

function OrderRow({ order, onOpen }: { order: AdminOrderSummary; onOpen: () => void }) {
  return (
    <Link to={`/admin/orders/${order.id}`} onClick={onOpen} data-testid="admin-order-row" data-order-id={order.id} data-code={order.code} className="order-row">
      <span className="order-row__main">
        {/* Isolated, not dir="ltr": the code keeps its letters' order but the row's alignment. */}
        <span className="order-row__code">
          <bdi>{order.code}</bdi>
        </span>
        <span className="admin-order-row__customer">{customerName(order.customer)}</span>
        <span className="hint">
          {formatDateTime(order.createdAt)} · {tAdmin('admin.orders.units', { count: order.itemCount })}
        </span>
      </span>
      <span className="order-row__side">
        <strong className="money">{formatPrice(order.totalMinor, order.currency)}</strong>
        <OrderStatusBadge status={order.status} />
      </span>
      <ForwardIcon />
    </Link>
  );
}
