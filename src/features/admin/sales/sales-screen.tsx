import { formatNumber } from '../../../i18n/i18n';
import { tAdmin } from '../../../i18n/admin-i18n';
import { EmptyState } from '../../../ui/empty-state';
import { formatPrice } from '../../../ui/format-price';
import { useShopCurrency } from '../common/shop-currency';
import { useSales } from './api';
import { formatDate } from '../common/format-date';
import { PendingView } from '../common/pending-view';
import { RevenueChart } from './revenue-chart';

const DAYS = 30;

export function SalesScreen() {
  const sales = useSales(DAYS);
  const shop = useShopCurrency();
  if (!sales.data) {
    return (
      <>
        <h1 className="screen__title">{tAdmin('admin.sales.title')}</h1>
        <PendingView resource={sales} label={tAdmin('admin.sales.title')} />
      </>
    );
  }
  const { days, topProducts, totals } = sales.data;
  // The revenue counts the currency the answer names; an older server's: the shop's (TON before #13).
  const currency = sales.data.currency ?? shop ?? 'TON';
  return (
    <>
      <h1 className="screen__title">{tAdmin('admin.sales.title')}</h1>
      <div className="admin-stats" data-testid="sales-totals">
        <div className="card admin-stat">
          <span className="hint">{tAdmin('admin.sales.revenue', { days: DAYS })}</span>
          <strong className="admin-stat__value money">{formatPrice(totals.revenueMinor, currency)}</strong>
        </div>
        <div className="card admin-stat">
          <span className="hint">{tAdmin('admin.sales.orders', { days: DAYS })}</span>
          <strong className="admin-stat__value">{formatNumber(totals.orders)}</strong>
        </div>
      </div>
      <section className="card admin-card" aria-labelledby="sales-chart-title">
        <h2 id="sales-chart-title" className="card__title">
          {tAdmin('admin.sales.perDay')}
        </h2>
        <RevenueChart days={days} currency={currency} />
        <details className="admin-details">
          <summary>{tAdmin('admin.sales.showTable')}</summary>
          <table className="admin-table" data-testid="sales-table">
            <caption className="visually-hidden">{tAdmin('admin.sales.perDay')}</caption>
            <thead>
              <tr>
                <th scope="col">{tAdmin('admin.sales.date')}</th>
                <th scope="col">{tAdmin('admin.sales.ordersColumn')}</th>
                <th scope="col">{tAdmin('admin.sales.revenueColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {days.map((day) => (
                <tr key={day.date}>
                  <th scope="row">{formatDate(day.date)}</th>
                  <td>{formatNumber(day.orders)}</td>
                  <td className="money">{formatPrice(day.revenueMinor, currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </section>
      <section className="card admin-card" aria-labelledby="top-products-title">
        <h2 id="top-products-title" className="card__title">
          {tAdmin('admin.sales.topProducts')}
        </h2>
        {topProducts.length === 0 ? (
          <EmptyState title={tAdmin('admin.sales.noSalesTitle')} body={tAdmin('admin.sales.noSalesBody')} />
        ) : (
          <ol className="admin-top" data-testid="top-products">
            {topProducts.map((p) => (
              <li key={p.productId} className="admin-row">
                <span className="admin-top__title">{p.title}</span>
                <span className="hint">{tAdmin('admin.sales.sold', { count: p.quantity })}</span>
                <strong className="money">{formatPrice(p.revenueMinor, currency)}</strong>
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
