// The checkout's and the order's views rendered to static HTML in Node (no DOM, no Telegram).
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { OptionPickers } from '../../../src/features/catalog/option-pickers';
import { PromoField } from '../../../src/features/checkout/promo-field';
import { QuoteSummary } from '../../../src/features/checkout/quote-summary';
import { ApiError } from '../../../src/platform/api-client';
import { OrderDelivery, OrderSummary } from '../../../src/ui/order-summary';
import { makeOrder } from './fixtures';

const quote = {
  subtotalMinor: '12000000000',
  discountMinor: '1200000000',
  deliveryFeeMinor: '1000000000',
  totalMinor: '11800000000',
  delivery: { methodId: 'post', kind: 'shipping' as const, methodName: 'Post', zoneName: 'Iran' },
  promoCode: 'WELCOME10',
};

describe('QuoteSummary', () => {
  it('shows items − discount + delivery = total exactly as the quote has them', () => {
    const html = renderToStaticMarkup(<QuoteSummary live={{ quote, loading: false, retry: () => {} }} ready currency="TON" />);
    expect(html).toContain('data-testid="quote-subtotal">12 TON');
    expect(html).toContain('data-testid="quote-discount">−1.2 TON');
    expect(html).toContain('data-testid="quote-delivery">1 TON');
    expect(html).toContain('data-testid="quote-total">11.8 TON');
    expect(html).toContain('<bdi>WELCOME10</bdi>');
  });

  it('shows no figure before the delivery details allow a quote, and none made up after a refusal', () => {
    expect(renderToStaticMarkup(<QuoteSummary live={{ loading: false, retry: () => {} }} ready={false} currency="TON" />)).toContain(
      'data-testid="quote-pending"',
    );
    const refused = renderToStaticMarkup(
      <QuoteSummary live={{ error: new ApiError(422, 'CHECKOUT_FIELDS_INVALID', ''), loading: false, retry: () => {} }} ready currency="TON" />,
    );
    expect(refused).toContain('Check the marked fields.');
    expect(refused).not.toContain('TON');
  });
});

describe('OptionPickers', () => {
  it('disables the values that lead nowhere and says why, but never the chosen one', () => {
    const html = renderToStaticMarkup(
      <OptionPickers
        options={[{ name: 'Size', values: ['S', 'M', 'L'] }]}
        selection={['L']}
        states={[['unavailable', 'available', 'sold_out']]}
        onChange={() => {}}
      />,
    );
    expect(html).toMatch(/data-value="S" data-state="unavailable" aria-pressed="false" disabled=""/);
    expect(html).toMatch(/data-value="M" data-state="available" aria-pressed="false">/);
    // L is chosen: it stays enabled so the customer can unchoose it.
    expect(html).toMatch(/data-value="L" data-state="sold_out" aria-pressed="true" title="sold out">/);
    expect(html).toContain('(not sold in this combination)');
  });
});

describe('the order breakdown', () => {
  const order = makeOrder({
    items: [
      {
        productId: 'p',
        variantId: 'v',
        variantLabel: 'M / Black',
        sku: null,
        slug: 'logo-tee',
        title: 'Logo T-shirt',
        quantity: 1,
        unitPriceMinor: '12000000000',
        lineTotalMinor: '12000000000',
      },
    ],
    subtotalMinor: '12000000000',
    discountMinor: '1200000000',
    deliveryFeeMinor: '0',
    totalMinor: '10800000000',
    promoCode: 'WELCOME10',
    note: 'Gift wrap',
    delivery: {
      methodId: 'pickup',
      kind: 'pickup',
      methodName: 'Pick up at the shop',
      pickupPoint: { id: 'stall', name: 'Grand Bazaar stall 12', address: '15 Khordad St', hours: '9–18', mapUrl: null },
    },
  });

  it('lists the variant, the discount with its code, the free delivery and the total', () => {
    const html = renderToStaticMarkup(<OrderSummary order={order} />);
    expect(html).toContain('<bdi>M / Black</bdi>');
    expect(html).toContain('−1.2 TON');
    expect(html).toContain('<dd class="money">Free</dd>');
    expect(html).toContain('data-testid="order-total">10.8 TON');
  });

  it('names the pickup point and the note; an order from before delivery shows neither', () => {
    const html = renderToStaticMarkup(<OrderDelivery order={order} />);
    expect(html).toContain('<bdi>Grand Bazaar stall 12</bdi>');
    expect(html).toContain('Gift wrap');
    expect(renderToStaticMarkup(<OrderDelivery order={makeOrder()} />)).toBe('');
  });
});

describe('the checkout’s promo code field', () => {
  it('says in words why a code made for another currency was refused, not that it does not exist', () => {
    const html = renderToStaticMarkup(<PromoField applied={null} problem={{ code: 'PROMO_CURRENCY_MISMATCH' }} onApply={() => {}} currency="USD" />);
    expect(html).toContain('This code no longer applies: it was made for prices in another currency.');
    expect(html).not.toContain('There is no such code');
  });
});
