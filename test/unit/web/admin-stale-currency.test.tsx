// Delivery fees and promo codes saved before the shop switched its pricing currency (#13): checkout does
// not use them until the merchant enters their amounts again, and the admin says so, showing the old
// amounts in their own currency instead of their digits read as the shop's. Static HTML in Node.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { adminKeys } from '../../../src/features/admin/common/admin-resources';
import type { DeliveryAnswer, DeliveryMethod } from '../../../src/features/admin/delivery/api';
import { DeliveryScreen } from '../../../src/features/admin/delivery/delivery-screen';
import type { PromoCode } from '../../../src/features/admin/promo-codes/api';
import { PromoCodesScreen, PromoForm } from '../../../src/features/admin/promo-codes/promo-codes-screen';
import { draftFromPromo, promoNeedsReprice } from '../../../src/features/admin/promo-codes/promo-form';
import { ResourceCache } from '../../../src/platform/resource-cache';
import { ResourceCacheContext } from '../../../src/platform/services';

function render(node: React.ReactNode, entries: Record<string, unknown>) {
  const cache = new ResourceCache();
  for (const [key, value] of Object.entries(entries)) cache.set(key, value);
  return renderToStaticMarkup(<ResourceCacheContext.Provider value={cache}>{node}</ResourceCacheContext.Provider>);
}

/** The value="…" of the input with this data-testid. */
function inputValue(html: string, testId: string): string | undefined {
  const tag = html.match(/<input[^>]*>/g)?.find((t) => t.includes(`data-testid="${testId}"`));
  return tag && /\svalue="([^"]*)"/.exec(tag)?.[1];
}

const post: DeliveryMethod = {
  id: 'post',
  name: 'Post',
  kind: 'shipping',
  zones: [{ id: 'iran', name: 'Iran', countries: ['IR'], feeMinor: '500000000', freeAboveMinor: '20000000000', estimate: '3–5 days' }],
};
const courier: DeliveryMethod = { id: 'courier', name: 'Courier', kind: 'courier', areas: [{ id: 'centre', name: 'Centre', feeMinor: '250000000' }] };
const pickup: DeliveryMethod = { id: 'shop', name: 'Shop', kind: 'pickup', points: [{ id: 'main', name: 'Main', address: 'Enghelab Sq 5' }] };

const delivery = (answer: DeliveryAnswer) => render(<DeliveryScreen />, { [adminKeys.delivery]: answer });

describe('the delivery screen, when the fees were saved in another currency than the shop’s', () => {
  const html = delivery({ delivery: { currency: 'TON', methods: [post, courier] }, pricingCurrency: 'USD' });

  it('warns that checkout offers no delivery until the fees are entered in the shop’s currency and saved', () => {
    expect(html).toContain('data-testid="delivery-other-currency"');
    expect(html).toContain(
      'These fees were saved in TON; the shop prices in USD now, so checkout offers no delivery until you enter the fees in USD and save.',
    );
  });

  it('leaves every fee field empty for re-entry, never the nanotons read as dollars', () => {
    expect(inputValue(html, 'delivery-methods.0.zones.0.feeMinor')).toBe('');
    expect(inputValue(html, 'delivery-methods.0.zones.0.freeAboveMinor')).toBe('');
    expect(inputValue(html, 'delivery-methods.1.areas.0.feeMinor')).toBe('');
    expect(html).not.toMatch(/500000000|5000000|\$500/);
  });

  it('labels the fields in the shop’s currency and shows the old fees beside them, in TON', () => {
    expect(html).toContain('Fee, USD');
    expect(html).toContain('Was 0.5 TON');
    expect(html).toContain('Was 20 TON');
    expect(html).toContain('Was 0.25 TON');
  });

  it('keeps everything that is not money as it was', () => {
    expect(inputValue(html, 'delivery-methods.0.name')).toBe('Post');
    expect(inputValue(html, 'delivery-methods.0.zones.0.countries')).toBe('IR');
    expect(inputValue(html, 'delivery-methods.0.zones.0.estimate')).toBe('3–5 days');
  });

  it('reads settings that name no currency as TON (saved before fees had one)', () => {
    const old = delivery({ delivery: { methods: [post] }, pricingCurrency: 'USD' });
    expect(old).toContain('These fees were saved in TON');
    expect(inputValue(old, 'delivery-methods.0.zones.0.feeMinor')).toBe('');
  });

  it('asks only for a save when no method has a fee (pickup points are hidden at checkout too)', () => {
    const only = delivery({ delivery: { currency: 'TON', methods: [pickup] }, pricingCurrency: 'USD' });
    expect(only).toContain('checkout offers no delivery until you save them again');
    expect(only).not.toContain('enter the fees');
  });
});

describe('the delivery screen, when the fees count the shop’s currency', () => {
  it('shows them to edit in that currency, without a warning', () => {
    const html = delivery({
      delivery: { currency: 'USD', methods: [{ ...post, zones: [{ ...post.zones![0]!, feeMinor: '500', freeAboveMinor: '10000' }] }] },
      pricingCurrency: 'USD',
    });
    expect(html).not.toContain('delivery-other-currency');
    expect(inputValue(html, 'delivery-methods.0.zones.0.feeMinor')).toBe('5');
    expect(inputValue(html, 'delivery-methods.0.zones.0.freeAboveMinor')).toBe('100');
    expect(html).not.toContain('Was ');
  });

  it('has nothing to warn about with no methods, whatever their currency', () => {
    const html = delivery({ delivery: { currency: 'TON', methods: [] }, pricingCurrency: 'USD' });
    expect(html).not.toContain('delivery-other-currency');
    expect(html).toContain('No delivery methods');
  });

  it('takes the shop’s currency from the products answer when an older server does not name it', () => {
    const html = render(<DeliveryScreen />, {
      [adminKeys.delivery]: { delivery: { methods: [post] } },
      [adminKeys.products]: { products: [], categories: [], pricingCurrency: 'TON' },
    });
    expect(html).not.toContain('delivery-other-currency');
    expect(inputValue(html, 'delivery-methods.0.zones.0.feeMinor')).toBe('0.5');
  });
});

const promo = (overrides: Partial<PromoCode> = {}): PromoCode => ({
  id: 'a1',
  code: 'TENOFF',
  kind: 'fixed',
  currency: 'TON',
  value: '1500000000',
  minSubtotalMinor: '5000000000',
  startsAt: null,
  endsAt: null,
  maxUses: null,
  maxUsesPerCustomer: null,
  categoryIds: null,
  active: true,
  usesHeld: 0,
  usesUsed: 0,
  ...overrides,
});

describe('which promo codes checkout refuses until they are repriced', () => {
  it.each([
    ['a fixed code in another currency', promo(), true],
    ['a percent code with a minimum in another currency', promo({ kind: 'percent', value: '1500' }), true],
    ['a percent code without a minimum in another currency', promo({ kind: 'percent', value: '1500', minSubtotalMinor: null }), false],
    ['a fixed code in the shop’s currency', promo({ currency: 'USD', value: '250', minSubtotalMinor: null }), false],
    ['a fixed code that names no currency (TON) in a TON shop', promo({ currency: undefined }), false],
  ])('%s: %s', (_, code, refused) => {
    expect(promoNeedsReprice(code, code.currency === undefined ? 'TON' : 'USD')).toBe(refused);
  });
});

describe('the promo code list in a USD shop', () => {
  const codes = [
    promo(),
    promo({ id: 'a2', code: 'SPRING15', kind: 'percent', value: '1500', minSubtotalMinor: null }),
    promo({ id: 'a3', code: 'USD5', currency: 'USD', value: '500', minSubtotalMinor: '2000' }),
  ];
  const html = render(<PromoCodesScreen />, {
    [adminKeys.promoCodes]: codes,
    [adminKeys.products]: { products: [], categories: [], pricingCurrency: 'USD' },
    [adminKeys.categories]: [],
  });
  const row = (code: string) => new RegExp(`data-code="${code}".*?</li>`).exec(html)?.[0] ?? '';

  it('flags only the code whose amounts are in another currency', () => {
    expect(html.match(/data-testid="promo-other-currency"/g)).toHaveLength(1);
    expect(row('TENOFF')).toContain('Saved in TON: not applied until you set its amount in USD');
  });

  it('shows each code’s amounts in its own currency', () => {
    expect(row('TENOFF')).toContain('1.5 TON');
    expect(row('TENOFF')).toContain('min. order 5 TON');
    expect(row('USD5')).toContain('$5.00');
    expect(row('USD5')).toContain('min. order $20.00');
    expect(row('SPRING15')).toContain('15%');
    expect(html).not.toContain('$1,500,000,000');
  });
});

describe('the promo code editor for a code saved in another currency', () => {
  const form = (code: PromoCode) => render(<PromoForm promo={code} shop="USD" onSaved={() => {}} />, { [adminKeys.categories]: [] });

  it('says the code is not applied, starts its amounts empty and shows the old ones in TON', () => {
    const html = form(promo());
    expect(html).toContain('data-testid="promo-form-other-currency"');
    expect(html).toContain('Saved in TON: not applied until you set its amount in USD.');
    expect(html).toContain('Amount in USD');
    expect(inputValue(html, 'promo-value')).toBe('');
    expect(html).toContain('Was 1.5 TON');
    expect(html).toContain('Was 5 TON');
    expect(draftFromPromo(promo(), 'USD')).toMatchObject({ value: '', minSubtotal: '' });
  });

  it('keeps a percentage as it was, emptying only the minimum', () => {
    const html = form(promo({ kind: 'percent', value: '1500' }));
    expect(inputValue(html, 'promo-value')).toBe('15');
    expect(html).toContain('Was 5 TON');
    expect(html).not.toContain('Was 1.5 TON');
  });

  it('has no warning for a percent code without a minimum, nor for one in the shop’s currency', () => {
    expect(form(promo({ kind: 'percent', value: '1500', minSubtotalMinor: null }))).not.toContain('promo-form-other-currency');
    const usd = form(promo({ currency: 'USD', value: '250', minSubtotalMinor: null }));
    expect(usd).not.toContain('promo-form-other-currency');
    expect(inputValue(usd, 'promo-value')).toBe('2.5');
  });
});
