import { useEffect, useMemo } from 'react';
import { isCartOrderable, joinCartWithCatalog, previewTotalMinor, resolveLegacyLines } from '../../domain/cart-lines';
import { splitMixedCart } from '../../domain/cart-split';
import { tOrder } from '../../i18n/orders-i18n';
import { navigate } from '../../platform/router';
import { usePlatform } from '../../platform/services';
import { EmptyState } from '../../ui/empty-state';
import { ErrorView } from '../../ui/error-view';
import { CartIcon } from '../../ui/icons';
import { formatPrice } from '../../ui/format-price';
import { PrimaryAction } from '../../ui/primary-action';
import { Skeleton, SkeletonBlock } from '../../ui/skeleton';
import { useCartCatalog } from './api';
import { CartLineView } from './cart-line';
import { MAX_LINE_QUANTITY, cartStore, countItems, useCart } from './store';

export function CartPage() {
  const platform = usePlatform();
  const items = useCart((s) => s.items);
  const catalog = useCartCatalog();

  // A cart saved before variants existed names products only: those without options get their variant.
  useEffect(() => {
    if (!catalog.data) return;
    const resolved = resolveLegacyLines(items, catalog.data.products, MAX_LINE_QUANTITY);
    if (resolved !== items) cartStore.setState({ items: [...resolved] });
  }, [items, catalog.data]);

  const lines = useMemo(() => (catalog.data ? joinCartWithCatalog(items, catalog.data.products) : []), [items, catalog.data]);

  // The checkout form (delivery, contact, promo code) creates the order; the cart only leads there.
  const checkout = () => {
    platform.hapticImpact('light');
    navigate('/checkout');
  };

  if (items.length === 0) {
    return (
      <main className="screen" data-testid="cart-page">
        <h1 className="screen__title">{tOrder('cart.title')}</h1>
        <EmptyState
          icon={<CartIcon />}
          title={tOrder('cart.emptyTitle')}
          body={tOrder('cart.emptyBody')}
          action={
            <button type="button" className="button button--primary" onClick={() => navigate('/')}>
              {tOrder('cart.browse')}
            </button>
          }
        />
      </main>
    );
  }

  if (!catalog.data) {
    return (
      <main className="screen" data-testid="cart-page">
        <h1 className="screen__title">{tOrder('cart.title')}</h1>
        {catalog.error !== undefined ? (
          <ErrorView error={catalog.error} onRetry={catalog.reload} />
        ) : (
          <Skeleton label={tOrder('cart.title')}>
            {items.map((item) => (
              <SkeletonBlock key={`${item.productId}/${item.variantId}`} className="skeleton-block--line" />
            ))}
          </Skeleton>
        )}
      </main>
    );
  }

  const totalMinor = previewTotalMinor(lines);
  const orderable = isCartOrderable(lines);
  // Inside Telegram digital goods are paid in Stars, which cannot pay for shipped ones (#15).
  const mixed = platform.insideTelegram && orderable ? splitMixedCart(items, catalog.data.products) : null;
  return (
    <main className="screen" data-testid="cart-page">
      <h1 className="screen__title">{tOrder('cart.title')}</h1>
      <ul className="cart-lines card">
        {lines.map((line) => (
          <CartLineView key={`${line.item.productId}/${line.item.variantId}`} line={line} />
        ))}
      </ul>
      <div className="cart-total">
        <span>{tOrder('cart.total')}</span>
        <strong className="money">{formatPrice(totalMinor, catalog.data.currency)}</strong>
      </div>
      <p className="hint">{orderable ? tOrder('cart.totalNote') : tOrder('cart.fixFirst')}</p>
      {mixed && (
        <section className="card cart-split" data-testid="cart-split" aria-labelledby="cart-split-title">
          <h2 id="cart-split-title" className="cart-split__title">
            {tOrder('cart.split.title')}
          </h2>
          <p className="hint">{tOrder('cart.split.body')}</p>
          <div className="cart-split__actions">
            <button type="button" className="button" data-testid="cart-split-digital" onClick={() => navigate('/checkout?part=digital')}>
              {tOrder('cart.split.digital', { count: countItems(mixed.digital) })}
            </button>
            <button type="button" className="button" data-testid="cart-split-physical" onClick={() => navigate('/checkout?part=physical')}>
              {tOrder('cart.split.physical', { count: countItems(mixed.physical) })}
            </button>
          </div>
        </section>
      )}
      <PrimaryAction text={tOrder('cart.checkout', { total: formatPrice(totalMinor, catalog.data.currency) })} onClick={checkout} disabled={!orderable} />
    </main>
  );
}
