import { describe, expect, it } from 'vitest';
import { amountDue } from '../../../functions/core/pricing/amount-due';

const quote = (asset: 'TON' | 'USDT', amount: bigint) => ({ asset, amount });

describe('what an order asks to be paid in an asset', () => {
  it('is its stored quote in that asset, whatever the currency it is priced in', () => {
    const order = { currency: 'USD' as const, totalMinor: 1250n, quotes: [quote('TON', 2_500_000_000n), quote('USDT', 12_500_000n)] };
    expect(amountDue(order, 'TON')).toBe(2_500_000_000n);
    expect(amountDue(order, 'USDT')).toBe(12_500_000n);
  });

  it('is the total of an order placed before quotes were stored, in the asset it is priced in', () => {
    expect(amountDue({ currency: 'TON', totalMinor: 3_000_000_000n, quotes: [] }, 'TON')).toBe(3_000_000_000n);
    expect(amountDue({ currency: 'USDT', totalMinor: 5_000_000n, quotes: [] }, 'USDT')).toBe(5_000_000n);
  });

  it('is nothing in an asset it was never quoted in: a total in cents or in TON is never read as another unit', () => {
    expect(amountDue({ currency: 'USD', totalMinor: 1250n, quotes: [] }, 'TON')).toBeNull();
    expect(amountDue({ currency: 'TON', totalMinor: 3_000_000_000n, quotes: [] }, 'USDT')).toBeNull();
    expect(amountDue({ currency: 'USD', totalMinor: 1250n, quotes: [quote('USDT', 12_500_000n)] }, 'TON')).toBeNull();
  });
});
