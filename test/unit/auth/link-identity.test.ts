import { describe, expect, it } from 'vitest';
import { planLink } from '../../../functions/core/auth/link-identity';
import type { Customer } from '../../../functions/core/customers/customer';

const WALLET_A = `0:${'a'.repeat(64)}`;
const WALLET_B = `0:${'b'.repeat(64)}`;

function customer(id: string, identities: { telegramId?: string; walletAddress?: string }): Customer {
  return {
    id,
    telegramId: identities.telegramId ?? null,
    walletAddress: identities.walletAddress ?? null,
    firstName: '',
    lastName: null,
    username: null,
    languageCode: null,
  };
}

describe('planLink', () => {
  const walletCustomer = customer('w', { walletAddress: WALLET_A });
  const telegramCustomer = customer('t', { telegramId: '1' });

  it('attaches an identity nobody holds', () => {
    expect(planLink(walletCustomer, { kind: 'telegram', telegramId: '1' }, null)).toEqual({ action: 'attach' });
    expect(planLink(telegramCustomer, { kind: 'wallet', address: WALLET_A }, null)).toEqual({ action: 'attach' });
  });

  it('does nothing when the customer already has exactly that identity', () => {
    expect(planLink(telegramCustomer, { kind: 'telegram', telegramId: '1' }, telegramCustomer)).toEqual({ action: 'none' });
  });

  it('merges the row that holds the identity when it has nothing that would collide', () => {
    expect(planLink(walletCustomer, { kind: 'telegram', telegramId: '1' }, telegramCustomer)).toEqual({ action: 'merge', from: telegramCustomer });
    expect(planLink(telegramCustomer, { kind: 'wallet', address: WALLET_A }, walletCustomer)).toEqual({ action: 'merge', from: walletCustomer });
  });

  it('refuses with IDENTITY_IN_USE when the holder has its own identity of the other kind', () => {
    const both = customer('both', { telegramId: '1', walletAddress: WALLET_B });
    expect(() => planLink(walletCustomer, { kind: 'telegram', telegramId: '1' }, both)).toThrow(expect.objectContaining({ code: 'IDENTITY_IN_USE' }));
    const other = customer('both2', { telegramId: '2', walletAddress: WALLET_A });
    expect(() => planLink(telegramCustomer, { kind: 'wallet', address: WALLET_A }, other)).toThrow(expect.objectContaining({ code: 'IDENTITY_IN_USE' }));
  });

  it('refuses with IDENTITY_ALREADY_LINKED when the customer has another identity of that kind', () => {
    const linked = customer('l', { telegramId: '1', walletAddress: WALLET_A });
    expect(() => planLink(linked, { kind: 'telegram', telegramId: '2' }, null)).toThrow(expect.objectContaining({ code: 'IDENTITY_ALREADY_LINKED' }));
    expect(() => planLink(linked, { kind: 'wallet', address: WALLET_B }, null)).toThrow(expect.objectContaining({ code: 'IDENTITY_ALREADY_LINKED' }));
  });
});
