import { useEffect, useMemo, useState } from 'react';
import { isCartOrderable, joinCartWithCatalog, previewTotalNano, resolveLegacyLines } from '../../domain/cart-lines';
import { tOrder } from '../../i18n/orders-i18n';
import { ApiError } from '../../platform/api-client';
import { resourceKeys } from '../../platform/resource-keys';
import { navigate } from '../../platform/router';
import { useApi, usePlatform, useResourceCache } from '../../platform/services';
import { EmptyState } from '../../ui/empty-state';
import { ErrorView } from '../../ui/error-view';
import { CartIcon } from '../../ui/icons';
import { formatPrice } from '../../ui/price';
import { PrimaryAction } from '../../ui/primary-action';
import { Skeleton, SkeletonBlock } from '../../ui/skeleton';
import { useCartCatalog } from './api';
import { CartLineView } from './cart-line';
import { MAX_LINE_QUANTITY, cartStore, useCart } from './store';

// Errors the person fixes by editing the cart; the server's message says what to change.
const CART_FIX_CODES = new Set(['OUT_OF_STOCK', 'PRODUCT_NOT_FOUND', 'PRODUCT_INACTIVE', 'QUANTITY_INVALID', 'TOO_MANY_ITEMS', 'VARIANT_REQUIRED']);

export function CartPage() {
  const api = useApi();
  const cache = useResourceCache();
  const platform = usePlatform();
  const items = useCart((s) => s.items);
  const catalog = useCartCatalog();
  const [sending, setSending] = useState(false);
  const [submitError, setSubmitError] = useState<unknown>(null);

  // Editing the cart answers the last error; don't keep showing it.
  useEffect(() => setSubmitError(null), [items]);

  // A cart saved before variants existed names products only: those without options get their variant.
  useEffect(() => {
    if (!catalog.data) return;
    const resolved = resolveLegacyLines(items, catalog.data.products, MAX_LINE_QUANTITY);
    if (resolved !== items) cartStore.setState({ items: [...resolved] });
  }, [items, catalog.data]);

  const lines = useMemo(() => (catalog.data ? joinCartWithCatalog(items, catalog.data.products) : []), [items, catalog.data]);

  async function checkout() {
    setSending(true);
    setSubmitError(null);
    try {
      const order = await api.createOrder(items);
      cache.set(resourceKeys.order(order.id), order);
      cache.invalidate(resourceKeys.orders);
      cache.invalidate(resourceKeys.catalog); // stock is now reserved
      platform.hapticNotification('success');
      // Replace: back from the checkout returns to where the person was before the cart.
      navigate(`/checkout/${order.id}`, { replace: true });
      cartStore.getState().clear();
    } catch (error) {
      setSending(false);
      platform.hapticNotification('error');
      setSubmitError(error);
      if (error instanceof ApiError && CART_FIX_CODES.has(error.code)) {
        // Fresh stock figures mark the lines to fix.
        cache.invalidate(resourceKeys.catalog);
        catalog.reload();
      }
    }
  }

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

  const totalNano = previewTotalNano(lines);
  const orderable = isCartOrderable(lines);
  const fixable = submitError instanceof ApiError && CART_FIX_CODES.has(submitError.code);
  return (
    <main className="screen" data-testid="cart-page">
      <h1 className="screen__title">{tOrder('cart.title')}</h1>
      {submitError !== null && (
        <ErrorView
          compact
          title={fixable ? tOrder('cart.orderProblem') : undefined}
          error={submitError}
          onRetry={fixable ? undefined : () => void checkout()}
        />
      )}
      <ul className="cart-lines card">
        {lines.map((line) => (
          <CartLineView key={`${line.item.productId}/${line.item.variantId}`} line={line} />
        ))}
      </ul>
      <div className="cart-total">
        <span>{tOrder('cart.total')}</span>
        <strong className="money">{formatPrice(totalNano)}</strong>
      </div>
      <p className="hint">{orderable ? tOrder('cart.totalNote') : tOrder('cart.fixFirst')}</p>
      <PrimaryAction
        text={tOrder('cart.checkout', { total: formatPrice(totalNano) })}
        onClick={() => void checkout()}
        disabled={!orderable}
        progress={sending}
      />
    </main>
  );
}
