import type { Order } from '../domain/types';
import { tOrder } from '../i18n/orders-i18n';
import { formatPrice } from './price';

/** The order as the server priced it: lines and total. */
export function OrderSummary({ order }: { order: Order }) {
  return (
    <section data-testid="order-summary" className="card order-summary" aria-label={tOrder('order.items')}>
      <ul className="order-summary__lines">
        {order.items.map((item) => (
          <li key={item.productId} className="order-summary__line">
            <span className="order-summary__title">
              <bdi>{item.title}</bdi>
            </span>
            <span className="order-summary__qty money">
              {tOrder('order.lineQuantity', { quantity: item.quantity, price: formatPrice(item.unitPriceNano) })}
            </span>
            <span className="order-summary__amount money">{formatPrice(item.lineTotalNano)}</span>
          </li>
        ))}
      </ul>
      <div className="order-summary__total">
        <span>{tOrder('order.total')}</span>
        <strong className="money">{formatPrice(order.totalNano)}</strong>
      </div>
    </section>
  );
}
