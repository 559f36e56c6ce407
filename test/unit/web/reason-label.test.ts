import { describe, expect, it } from 'vitest';
import { ATTENTION_REASONS } from '../../../functions/core/orders/order-lifecycle';
import { reasonLabel } from '../../../src/features/admin/common/reason-label';

describe('why a payment needs the merchant', () => {
  it.each(ATTENTION_REASONS)('is said in words for every reason the server records: %s', (reason) => {
    const label = reasonLabel(reason);
    expect(label).not.toBe(reason);
    expect(label).not.toMatch(/^admin\.reason\./);
  });

  it('shows a reason a newer server sends as it came', () => {
    expect(reasonLabel('some_future_reason')).toBe('some_future_reason');
  });
});
