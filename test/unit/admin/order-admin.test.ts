import { describe, expect, it } from 'vitest';
import { decodeOrderCursor, encodeOrderCursor } from '../../../functions/core/admin/admin-order';
import { explorerTxUrl } from '../../../functions/core/admin/explorer-url';
import { allowedAdminActions, planAdminAction } from '../../../functions/core/admin/order-actions';
import { InvalidOrderTransitionError } from '../../../functions/core/orders/errors';

describe('allowedAdminActions', () => {
  it.each([
    ['pending', ['cancel']],
    ['confirming', ['cancel']],
    ['paid', ['ship', 'mark_ready', 'cancel']],
    ['shipped', ['complete']],
    ['ready_for_pickup', ['complete']],
    ['completed', []],
    ['expired', []],
    ['cancelled', []],
  ] as const)('offers %s orders %j', (status, actions) => {
    expect(allowedAdminActions(status)).toEqual(actions);
  });

  it('moves a paid order to shipped, and refuses to ship a pending one', () => {
    expect(planAdminAction('paid', 'ship')).toEqual({ from: 'paid', to: 'shipped', effects: ['notify_customer'] });
    expect(() => planAdminAction('pending', 'ship')).toThrow(InvalidOrderTransitionError);
  });
});

describe('explorerTxUrl', () => {
  const hash = 'AB'.repeat(32);
  it.each([
    ['mainnet', `https://tonviewer.com/transaction/${'ab'.repeat(32)}`],
    ['testnet', `https://testnet.tonviewer.com/transaction/${'ab'.repeat(32)}`],
    ['local', null],
  ] as const)('links a %s transaction to %s', (network, url) => {
    expect(explorerTxUrl(network, hash)).toBe(url);
  });

  it('makes no link from something that is not a transaction hash', () => {
    expect(explorerTxUrl('mainnet', '../../evil')).toBeNull();
  });
});

describe('order cursors', () => {
  it('round-trips the position and is URL-safe', () => {
    const cursor = { createdAt: new Date('2026-01-02T03:04:05.678Z'), id: '5b0c8b7e-1e8a-4c4b-9d61-3f1f6a3c9a01' };
    const text = encodeOrderCursor(cursor);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeOrderCursor(text)).toEqual(cursor);
  });

  it.each(['', 'not-a-cursor', btoa('yesterday|5b0c8b7e-1e8a-4c4b-9d61-3f1f6a3c9a01'), btoa("2026-01-01T00:00:00Z|1' or 1=1")])('refuses %j', (text) => {
    expect(decodeOrderCursor(text)).toBeNull();
  });
});
