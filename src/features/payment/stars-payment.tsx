// Paying a digital-only order in Telegram Stars, inside Telegram. Loaded with the payment panel, never
// with the first screen. It reads the `Telegram.WebApp` object the SDK installs (as platform/
// telegram-share.ts does) instead of importing the SDK: a second importer would split the SDK out of the
// first screen's chunk. The invoice's `invoiceClosed` status only drives this card: the order is paid by
// the bot's successful_payment update, which the order's status then shows.
import { useEffect, useState } from 'react';
import type { Catalog, Order } from '../../domain/types';
import { tOrder } from '../../i18n/orders-i18n';
import { resourceKeys } from '../../platform/resource-keys';
import { useApi, useResourceCache } from '../../platform/services';
import { useResource } from '../../platform/use-resource';

/** core.telegram.org/bots/webapps#initializing-mini-apps: `openInvoice` (6.1+) and its callback's status. */
type InvoiceStatus = 'paid' | 'cancelled' | 'failed' | 'pending';
interface InvoiceCalls {
  initData: string;
  isVersionAtLeast(version: string): boolean;
  openInvoice(url: string, callback?: (status: InvoiceStatus) => void): void;
}

/** The invoice call of the Telegram client this page runs in, or null outside Telegram (or before 6.1). */
export function telegramInvoices(win: Window): InvoiceCalls | null {
  const webApp = (win as { Telegram?: { WebApp?: Partial<InvoiceCalls> } }).Telegram?.WebApp;
  if (!webApp?.initData || typeof webApp.openInvoice !== 'function' || typeof webApp.isVersionAtLeast !== 'function') return null;
  return webApp.isVersionAtLeast('6.1') ? (webApp as InvoiceCalls) : null;
}

type Phase = 'ready' | 'open' | 'confirming' | 'failed';
const POLL_MS = 2_000;

/** Whether every line of the order is a digital product, as the catalog says (undefined: not known yet). */
export function isDigitalOnly(order: Pick<Order, 'items'>, catalog: Pick<Catalog, 'products'> | undefined): boolean | undefined {
  if (!catalog) return undefined;
  const kinds = new Map(catalog.products.map((product) => [product.id, product.kind]));
  return order.items.length > 0 && order.items.every((item) => kinds.get(item.productId) === 'digital');
}

/**
 * A "Pay in Stars" button for a pending order inside Telegram, shown only once the server has made the
 * invoice: the server alone decides whether the order can be paid in Stars (digital only, every item
 * priced in Stars) and for how many. The invoice is asked for only when the catalog says every item is
 * digital, so a physical order's checkout makes no request bound to be refused.
 */
export function StarsPayment({ order }: { order: Order }) {
  const api = useApi();
  const cache = useResourceCache();
  const [invoice, setInvoice] = useState<{ invoiceUrl: string; totalStars: number } | null>(null);
  const [phase, setPhase] = useState<Phase>('ready');
  const calls = telegramInvoices(window);
  const pending = order.status === 'pending';
  const catalog = useResource<Catalog>(calls && pending ? resourceKeys.catalog : null, () => api.getCatalog(), { staleMs: 60_000 });
  const digitalOnly = isDigitalOnly(order, catalog.data) === true;

  useEffect(() => {
    if (!calls || !pending || !digitalOnly) return;
    let live = true;
    api.call<{ invoiceUrl: string; totalStars: number }>(`/api/orders/${encodeURIComponent(order.id)}/stars-invoice`, { method: 'POST', auth: true }).then(
      (made) => live && setInvoice(made),
      // Not payable in Stars (or Telegram is unreachable): the TON payment below is the way.
      () => {},
    );
    return () => {
      live = false;
    };
  }, [api, calls !== null, order.id, pending, digitalOnly]);

  useEffect(() => {
    if (phase !== 'confirming') return;
    const timer = setInterval(() => void cache.load(resourceKeys.order(order.id), () => api.getOrder(order.id)), POLL_MS);
    return () => clearInterval(timer);
  }, [api, cache, order.id, phase]);

  if (!calls || !invoice || !pending) return null;

  const open = () => {
    setPhase('open');
    calls.openInvoice(invoice.invoiceUrl, (status) => {
      // "paid" only means Telegram took the Stars; the bot's update pays the order. macOS has been seen
      // to report "paid" then "cancelled": once confirming, a later status changes nothing.
      setPhase((current) =>
        current === 'confirming' ? current : status === 'paid' || status === 'pending' ? 'confirming' : status === 'failed' ? 'failed' : 'ready',
      );
    });
  };

  return (
    <div className="stars-payment" data-testid="stars-payment" data-phase={phase}>
      {phase === 'confirming' ? (
        <p className="hint" role="status">
          {tOrder('stars.confirming')}
        </p>
      ) : (
        <button type="button" className="button button--primary" data-testid="pay-stars" disabled={phase === 'open'} onClick={open}>
          {tOrder('stars.pay', { stars: invoice.totalStars })}
        </button>
      )}
      {phase === 'failed' && (
        <p className="inline-error" role="alert">
          {tOrder('stars.failed')}
        </p>
      )}
      <p className="hint">{tOrder('stars.orTon')}</p>
    </div>
  );
}
