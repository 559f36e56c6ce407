import { useEffect, useMemo, useRef, useState } from 'react';
import type { CartItem } from '../../domain/cart-lines';
import {
  checkoutBody,
  emptyCheckoutForm,
  fieldErrorsOf,
  methodsForCart,
  missingFields,
  quoteBody,
  readyToQuote,
  type AddressField,
  type CheckoutForm,
} from '../../domain/checkout';
import type { Order } from '../../domain/types';
import { variantLabel } from '../../domain/variants';
import { tCheckout } from '../../i18n/checkout-i18n';
import { tOrder } from '../../i18n/orders-i18n';
import { ApiError } from '../../platform/api-client';
import { resourceKeys } from '../../platform/resource-keys';
import { navigate } from '../../platform/router';
import { usePlatform, useResourceCache } from '../../platform/services';
import { EmptyState } from '../../ui/empty-state';
import { ErrorView } from '../../ui/error-view';
import { PrimaryAction } from '../../ui/primary-action';
import { formatPrice } from '../../ui/format-price';
import { formatAssetAmount } from '../../ui/asset-amount';
import { chooseAsset, quoteOf } from '../../domain/payment-assets';
import { usePreferredAsset } from '../../platform/preferred-asset';
import { Skeleton, SkeletonBlock } from '../../ui/skeleton';
import { useCheckoutCalls, useCheckoutCatalog, useCheckoutDetails, useDeliveryMethods } from './checkout-api';
import { DeliverySection } from './delivery-section';
import { PromoField, type PromoProblem } from './promo-field';
import { QuoteSummary } from './quote-summary';
import { useLiveQuote } from './use-live-quote';

// Errors the person fixes by editing the cart (a line sold out meanwhile); the server's message says what.
const CART_FIX_CODES = new Set(['OUT_OF_STOCK', 'PRODUCT_NOT_FOUND', 'PRODUCT_INACTIVE', 'QUANTITY_INVALID', 'TOO_MANY_ITEMS', 'VARIANT_REQUIRED']);

/** A 422 of the promo code (PROMO_EXPIRED …): the field and the reason. */
function promoProblemOf(error: unknown): PromoProblem | null {
  if (!(error instanceof ApiError) || !error.code.startsWith('PROMO_')) return null;
  const min = (error.body as { error?: { minSubtotalMinor?: unknown } } | undefined)?.error?.minSubtotalMinor;
  return { code: error.code, ...(typeof min === 'string' && { minSubtotalMinor: min }) };
}

/**
 * The checkout form, between the cart and the payment: how the order gets to the customer (only the
 * fields the chosen method needs), their phone, a promo code and a note, with the server's live price.
 * Placing it creates the order (POST /api/orders) and opens its payment; `onPlaced` empties the cart.
 */
export function CheckoutFormPage({ items, onPlaced }: { items: readonly CartItem[]; onPlaced: (order: Order) => void }) {
  const catalog = useCheckoutCatalog();
  const methodsResource = useDeliveryMethods();
  const details = useCheckoutDetails();
  const calls = useCheckoutCalls();
  const cache = useResourceCache();
  const platform = usePlatform();

  const products = catalog.data?.products;
  const kinds = useMemo(() => items.map((item) => products?.find((p) => p.id === item.productId)?.kind ?? 'physical'), [items, products]);
  const methods = useMemo(() => methodsForCart(methodsResource.data?.methods ?? [], kinds), [methodsResource.data, kinds]);

  const [form, setForm] = useState<CheckoutForm>(emptyCheckoutForm);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [promoProblem, setPromoProblem] = useState<PromoProblem | null>(null);
  const [placing, setPlacing] = useState(false);
  const [placeError, setPlaceError] = useState<unknown>(null);

  // One method: nothing to choose. The phone the customer shared with the bot before: filled in.
  const onlyMethod = methods.length === 1 ? methods[0]!.id : null;
  useEffect(() => {
    if (onlyMethod) setForm((f) => (f.methodId ? f : { ...f, methodId: onlyMethod }));
  }, [onlyMethod]);
  const sharedPhone = details.data?.phone;
  useEffect(() => {
    if (sharedPhone) setForm((f) => (f.address.phone ? f : { ...f, address: { ...f.address, phone: sharedPhone } }));
  }, [sharedPhone]);

  const update = (change: Partial<CheckoutForm>, touched: string[]) => {
    setForm((f) => ({ ...f, ...change }));
    if (touched.length > 0) setErrors((e) => Object.fromEntries(Object.entries(e).filter(([field]) => !touched.includes(field))));
  };
  const setAddress = (field: AddressField, value: string) => update({ address: { ...form.address, [field]: value } }, [`address.${field}`]);

  const loaded = catalog.data !== undefined && methodsResource.data !== undefined;
  const ready = loaded && readyToQuote(form, methods);
  const live = useLiveQuote(items, quoteBody(form, methods), ready);

  // The quote's refusals land on their fields: a code that does not apply is dropped (and the total
  // asked again without it), a delivery field the server cannot accept is marked.
  const quoteError = live.error;
  const preferred = usePreferredAsset();
  useEffect(() => {
    const promo = promoProblemOf(quoteError);
    if (promo) {
      setPromoProblem(promo);
      setForm((f) => ({ ...f, promoCode: '' }));
    } else if (quoteError instanceof ApiError) {
      const fields = fieldErrorsOf(quoteError.body);
      if (fields.length > 0) setErrors(Object.fromEntries(fields.map((f) => [f.field, f.code])));
    }
  }, [quoteError]);

  const main = useRef<HTMLElement>(null);
  const showFirstError = () =>
    requestAnimationFrame(() =>
      main.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-testid="field-error"]')?.scrollIntoView({ block: 'center' }),
    );

  async function place() {
    if (!ready) {
      // Name every missing field at once, as the server would.
      setErrors(missingFields(form, methods));
      showFirstError();
      return;
    }
    setPlacing(true);
    setPlaceError(null);
    try {
      const order = await calls.placeOrder(items, checkoutBody(form, methods));
      cache.set(resourceKeys.order(order.id), order);
      cache.invalidate(resourceKeys.orders);
      cache.invalidate(resourceKeys.catalog); // stock is now reserved
      cache.invalidate('checkout-details');
      platform.hapticNotification('success');
      // Replace: back from the payment returns to where the person was before the cart.
      navigate(`/checkout/${order.id}`, { replace: true });
      onPlaced(order);
    } catch (error) {
      setPlacing(false);
      platform.hapticNotification('error');
      const promo = promoProblemOf(error);
      const fields = error instanceof ApiError ? fieldErrorsOf(error.body) : [];
      if (promo) {
        setPromoProblem(promo);
        setForm((f) => ({ ...f, promoCode: '' }));
      } else if (fields.length > 0) {
        setErrors(Object.fromEntries(fields.map((f) => [f.field, f.code])));
      } else {
        setPlaceError(error);
      }
      showFirstError();
    }
  }

  if (items.length === 0) {
    return (
      <main className="screen" data-testid="checkout-form">
        <h1 className="screen__title">{tCheckout('form.title')}</h1>
        <EmptyState
          title={tCheckout('form.emptyTitle')}
          body={tCheckout('form.emptyBody')}
          action={
            <button type="button" className="button button--primary" onClick={() => navigate('/', { replace: true })}>
              {tOrder('cart.browse')}
            </button>
          }
        />
      </main>
    );
  }

  const loadError = catalog.error ?? methodsResource.error;
  if (!loaded) {
    return (
      <main className="screen" data-testid="checkout-form">
        <h1 className="screen__title">{tCheckout('form.title')}</h1>
        {loadError !== undefined ? (
          <ErrorView error={loadError} onRetry={() => (catalog.reload(), methodsResource.reload())} />
        ) : (
          <Skeleton label={tCheckout('form.loading')}>
            <SkeletonBlock className="skeleton-block--card" />
            <SkeletonBlock className="skeleton-block--card" />
          </Skeleton>
        )}
      </main>
    );
  }

  const quote = live.quote;
  // The button names what the customer will pay: the amount in the asset chosen in the summary.
  const chosenQuote = quoteOf(quote?.quotes, chooseAsset(quote?.quotes, preferred));
  // What fees, minimums and totals count: the quote's currency, the catalog's until there is a quote.
  const currency = quote?.currency ?? catalog.data?.currency;
  return (
    <main className="screen checkout-form" data-testid="checkout-form" ref={main}>
      <h1 className="screen__title">{tCheckout('form.title')}</h1>
      {placeError !== null &&
        (placeError instanceof ApiError && CART_FIX_CODES.has(placeError.code) ? (
          <div className="checkout-cart-problem">
            <ErrorView compact title={tOrder('cart.orderProblem')} error={placeError} />
            <button type="button" className="button button--small" onClick={() => navigate('/cart', { replace: true })}>
              {tOrder('cart.title')}
            </button>
          </div>
        ) : (
          <ErrorView compact error={placeError} onRetry={() => void place()} />
        ))}
      <ul className="card checkout-items" data-testid="checkout-items">
        {items.map((item) => {
          const product = products?.find((p) => p.id === item.productId);
          const variant = product?.variants?.find((v) => v.id === item.variantId);
          const label = variant ? variantLabel(variant) : '';
          return (
            <li key={`${item.productId}/${item.variantId}`} className="checkout-items__line">
              <bdi>{product?.title ?? '—'}</bdi>
              {label && (
                <>
                  {' · '}
                  <bdi>{label}</bdi>
                </>
              )}
              <span className="checkout-items__qty">×{item.quantity}</span>
            </li>
          );
        })}
      </ul>
      {methods.length > 0 && (
        <DeliverySection methods={methods} form={form} details={details.data} errors={errors} update={update} setAddress={setAddress} currency={currency} />
      )}
      <PromoField
        applied={quote?.promoCode ?? (form.promoCode || null)}
        problem={promoProblem}
        currency={currency}
        onApply={(code) => {
          setPromoProblem(null);
          setForm((f) => ({ ...f, promoCode: code }));
        }}
      />
      <section className="card checkout-section">
        <div className="field">
          <label htmlFor="field-note" className="field__label">
            {tCheckout('note.label')}
          </label>
          <textarea
            id="field-note"
            className="field__input field__input--area"
            dir="auto"
            maxLength={500}
            rows={2}
            placeholder={tCheckout('note.placeholder')}
            value={form.note}
            onChange={(event) => update({ note: event.target.value }, ['note'])}
          />
        </div>
      </section>
      <QuoteSummary live={live} ready={ready} currency={currency} />
      <PrimaryAction
        text={
          quote && ready
            ? tCheckout('form.place', { total: chosenQuote ? formatAssetAmount(chosenQuote) : formatPrice(quote.totalMinor, currency) })
            : tCheckout('form.placeNoTotal')
        }
        onClick={() => void place()}
        progress={placing}
      />
    </main>
  );
}
