// The admin's Refund section, rendered to static HTML in Node from the refunds the shop answered (seeded
// into the resource cache as GET /api/admin/orders/:id/refunds would put them): the amount left in TON,
// exactly; each refund's status and hashes; nothing for an order that cannot be refunded.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { adminKeys } from '../../../src/features/admin/common/admin-resources';
import type { AdminOrder, OrderRefunds } from '../../../src/features/admin/common/admin-types';
import { WalletRefund } from '../../../src/features/admin/orders/wallet-refund';
import { ResourceCache } from '../../../src/platform/resource-cache';
import { ResourceCacheContext } from '../../../src/platform/services';

const MERCHANT = '0:' + 'aa'.repeat(32);

function render(status: string, refunds: OrderRefunds | null): string {
  const cache = new ResourceCache();
  if (refunds) cache.set(adminKeys.orderRefunds('o1'), refunds);
  const order = { id: 'o1', status } as AdminOrder;
  return renderToStaticMarkup(
    <ResourceCacheContext.Provider value={cache}>
      <WalletRefund order={order} />
    </ResourceCacheContext.Provider>,
  );
}

const wallet = { network: 'local', merchant: MERCHANT, merchantFriendly: 'EQ-merchant' } as const;

/** A confirmed TON refund of 1 TON, with what a case changes. */
function refund(fields: Partial<OrderRefunds['refunds'][number]> = {}): OrderRefunds['refunds'][number] {
  return {
    id: 'r1',
    asset: 'TON',
    amount: '1000000000',
    recipient: '0:' + 'bb'.repeat(32),
    status: 'confirmed',
    validUntil: 1,
    messageHash: 'ab'.repeat(32),
    transactionHash: 'cd'.repeat(32),
    explorerUrl: null,
    createdAt: '2030-01-01T00:00:00Z',
    ...fields,
  };
}

describe('the Refund section', () => {
  it('offers what is left, in TON to the last nanoton, and asks for the shop’s wallet first', () => {
    const html = render('cancelled', {
      refunds: [],
      refundable: { asset: 'TON', paid: '7200000001', left: '7200000001', payer: '0:' + 'bb'.repeat(32) },
      wallet,
    });
    expect(html).toContain('value="7.200000001"');
    expect(html).toContain('data-testid="refund-connect"');
    expect(html).toMatch(/data-testid="refund-sign"[^>]*disabled/);
    expect(html).not.toContain('refund-wrong-wallet');
  });

  it('lists each refund with its status and hashes, and offers no more once all was given back', () => {
    const html = render('paid', {
      refunds: [refund(), refund({ id: 'r2', amount: '1', recipient: '0:', status: 'lapsed', messageHash: null, transactionHash: null })],
      refundable: { asset: 'TON', paid: '1000000000', left: '0', payer: '0:' + 'bb'.repeat(32) },
      wallet,
    });
    expect(html).toContain('Confirmed on chain; the customer was told');
    expect(html).toContain('Expired unconfirmed: nothing was sent');
    expect(html).toContain(`title="${'ab'.repeat(32)}"`);
    expect(html).toContain(`title="${'cd'.repeat(32)}"`);
    expect(html).not.toContain('data-testid="refund-amount"');
  });

  it('offers a USDT-paid order’s refund in USDT, to the last micro-USDT, and lists its refunds in USDT', () => {
    const html = render('paid', {
      refunds: [refund({ asset: 'USDT', amount: '9000001' })],
      refundable: { asset: 'USDT', paid: '36000000', left: '26999999', payer: '0:' + 'bb'.repeat(32) },
      wallet,
    });
    expect(html).toContain('value="26.999999"');
    expect(html).toContain('Amount to refund, USDT');
    expect(html).toContain('26.999999 USDT of 36 USDT can still be refunded');
    expect(html).toContain('9.000001 USDT');
    expect(html).not.toContain('TON');
  });

  it('is not there for an unpaid order, nor for one nothing was paid on', () => {
    expect(render('pending', null)).toBe('');
    expect(render('cancelled', { refunds: [], refundable: null, wallet })).toBe('');
  });
});
