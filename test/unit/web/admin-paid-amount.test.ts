import { describe, expect, it } from 'vitest';
import { paidAmount } from '../../../src/features/admin/orders/paid-amount';
import type { AdminOrderPayment } from '../../../src/features/admin/common/admin-types';

const payment = (changes: Partial<AdminOrderPayment>): AdminOrderPayment => ({
  id: 'p',
  txHash: 'ab'.repeat(32),
  explorerUrl: null,
  asset: 'TON',
  amountNano: '0',
  overpaymentNano: '0',
  status: 'applied',
  reason: null,
  chainTime: '2026-12-04T10:00:00Z',
  ...changes,
});

describe('what the cancel dialog says the customer paid', () => {
  it('is the applied payment in its asset, not the total in the shop currency', () => {
    const dollarsPaidInUsdt = {
      currency: 'USD' as const,
      totalMinor: '3600',
      payments: [payment({ status: 'attention', asset: 'USDT', amountNano: '1' }), payment({ asset: 'USDT', amountNano: '36000000' })],
    };
    expect(paidAmount(dollarsPaidInUsdt)).toBe('36 USDT');
    expect(paidAmount({ currency: 'USD', totalMinor: '3600', payments: [payment({ amountNano: '7200000000' })] })).toBe('7.2 TON');
  });

  it('is the total in its currency when nothing was paid on chain (Stars)', () => {
    expect(paidAmount({ currency: 'USD', totalMinor: '3600', payments: [] })).toBe('$36.00');
  });
});
