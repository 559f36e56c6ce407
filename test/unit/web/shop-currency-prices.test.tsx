// Prices in the shop's own currency (#13), rendered to static HTML in Node: the catalog's cards, the
// order's summary, the checkout's quote with what the customer pays in the chosen asset.
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProductCard } from '../../../src/features/catalog/product-card';
import { QuoteSummary } from '../../../src/features/checkout/quote-summary';
import type { Quote } from '../../../src/domain/checkout';
import type { AssetQuote } from '../../../src/domain/types';
import { en } from '../../../src/i18n/en';
import { fa } from '../../../src/i18n/fa';
import { setMessages } from '../../../src/i18n/i18n';
import { AssetChoice } from '../../../src/ui/asset-choice';
import { formatPrice } from '../../../src/ui/format-price';
import { OrderSummary } from '../../../src/ui/order-summary';
import { loadPriceFormat, Price } from '../../../src/ui/price';
import { makeOrder, makeProduct } from './fixtures';

afterEach(() => setMessages('en', en));

const card = (product: ReturnType<typeof makeProduct>) => renderToStaticMarkup(<ProductCard product={product} cartControl={null} />);
const at = '2026-12-04T02:00:00.000Z';
const quoteOf = (asset: 'TON' | 'USDT', amount: string, rate: string | null): AssetQuote => ({
  asset,
  amount,
  rate,
  source: 'dev',
  fetchedAt: at,
  lockedUntil: at,
});

// In this order: the first screen's formatter for other currencies is fetched once, by the first such price.
describe('the catalog card', () => {
  it('shows a TON shop’s price at once, as before, without the any-currency formatter', () => {
    const html = card(makeProduct({ priceMinor: '1500000000', compareAtPriceMinor: '2000000000' }));
    expect(html).toContain('<span class="price__now money">1.5 TON</span>');
    expect(html).toContain('2 TON</s>');
    expect(html).not.toContain('price-pending');
  });

  it('holds a USD price’s place until its formatter arrives, never showing it as TON', () => {
    const html = card(makeProduct({ currency: 'USD', priceMinor: '1250' }));
    expect(html).toContain('data-testid="price-pending"');
    expect(html).not.toContain('TON');
  });

  it('shows a USD catalog’s prices in dollars and cents once the formatter is loaded', async () => {
    await loadPriceFormat();
    const html = card(makeProduct({ currency: 'USD', priceMinor: '1250', compareAtPriceMinor: '1500' }));
    expect(html).toContain('<span class="price__now money">$12.50</span>');
    expect(html).toContain('aria-label="Was $15.00"');
    expect(renderToStaticMarkup(<Price amountMinor="100000" currency="EUR" />)).toContain('€1,000.00');
  });

  it('shows an IRR shop’s prices in tomans', () => {
    expect(card(makeProduct({ currency: 'IRR', priceMinor: '1250000' }))).toContain('125,000 toman');
  });
});

describe('formatPrice', () => {
  it('writes rials as tomans in Persian digits in Persian, and a rial amount not divisible by ten as rials', async () => {
    setMessages('fa', fa);
    await vi.waitFor(() => expect(formatPrice('1250000', 'IRR')).toBe('۱۲۵٬۰۰۰ تومان'));
    expect(formatPrice('1250005', 'IRR')).toContain('۱٬۲۵۰٬۰۰۵');
    expect(formatPrice('1250005', 'IRR')).not.toContain('تومان');
  });

  it('counts nanotons for a shop or order that names no currency (an older server)', () => {
    expect(formatPrice('1500000000', undefined)).toBe('1.5 TON');
  });
});

describe('an order in its currency', () => {
  it('lists a USD order’s lines, breakdown and total in dollars', () => {
    const order = makeOrder({
      currency: 'USD',
      items: [
        { productId: 'p', variantId: 'v', variantLabel: '', sku: null, slug: 's', title: 'Mug', quantity: 2, unitPriceMinor: '625', lineTotalMinor: '1250' },
      ],
      subtotalMinor: '1250',
      discountMinor: '250',
      deliveryFeeMinor: '500',
      totalMinor: '1500',
      delivery: { methodId: 'post', kind: 'shipping', methodName: 'Post' },
      promoCode: 'TENOFF',
    });
    const html = renderToStaticMarkup(<OrderSummary order={order} />);
    expect(html).toContain('2 × $6.25');
    expect(html).toContain('−$2.50');
    expect(html).toContain('$5.00');
    expect(html).toContain('data-testid="order-total">$15.00');
    expect(html).not.toContain('TON');
  });
});

describe('the checkout’s summary', () => {
  const usdQuote: Quote = {
    currency: 'USD',
    subtotalMinor: '1250',
    discountMinor: '0',
    deliveryFeeMinor: '0',
    totalMinor: '1250',
    delivery: null,
    promoCode: null,
    quotes: [quoteOf('TON', '4166600000', '3/1')],
  };
  const summary = (quote: Quote, currency: Quote['currency']) =>
    renderToStaticMarkup(<QuoteSummary live={{ quote, loading: false, retry: () => {} }} ready currency={currency} />);

  it('shows the total in the shop’s currency and what the customer pays in the asset', () => {
    const html = summary(usdQuote, 'USD');
    expect(html).toContain('data-testid="quote-total">$12.50');
    expect(html).toContain('Total $12.50 — you pay 4.1666 TON');
  });

  it('offers each asset with its amount under a USD total when the shop takes both', () => {
    const html = summary({ ...usdQuote, quotes: [quoteOf('TON', '4166600000', '3/1'), quoteOf('USDT', '12500000', '1/1')] }, 'USD');
    expect(html).toContain('data-testid="quote-total">$12.50');
    expect(html).toContain('4.1666 TON');
    expect(html).toContain('12.5 USDT');
  });

  it('shows no second amount in a TON shop paid in TON', () => {
    const tonQuote: Quote = {
      ...usdQuote,
      currency: 'TON',
      totalMinor: '1500000000',
      subtotalMinor: '1500000000',
      quotes: [quoteOf('TON', '1500000000', null)],
    };
    const html = summary(tonQuote, 'TON');
    expect(html).toContain('data-testid="quote-total">1.5 TON');
    expect(html).not.toContain('data-testid="asset-amount"');
    expect(html).not.toContain('you pay');
  });

  it('takes the catalog’s currency for a quote from an older server that names none', () => {
    const { currency: _omitted, ...older } = usdQuote;
    expect(summary(older, 'USD')).toContain('data-testid="quote-total">$12.50');
  });
});

describe('the payment panel’s amount', () => {
  it('names the order’s total in its currency beside the amount due in the one accepted asset', () => {
    const html = renderToStaticMarkup(
      <AssetChoice
        name="pay"
        quotes={[quoteOf('TON', '4166600000', '3/1')]}
        chosen="TON"
        onChoose={() => {}}
        total={{ amountMinor: '1250', currency: 'USD' }}
      />,
    );
    expect(html).toContain('data-testid="asset-amount"');
    expect(html).toContain('Total $12.50 — you pay 4.1666 TON');
  });

  it('says nothing more in a TON shop paid in TON', () => {
    const html = renderToStaticMarkup(
      <AssetChoice
        name="pay"
        quotes={[quoteOf('TON', '1500000000', null)]}
        chosen="TON"
        onChoose={() => {}}
        total={{ amountMinor: '1500000000', currency: 'TON' }}
      />,
    );
    expect(html).toBe('');
  });
});
