// The payment card's views rendered to static HTML in Node (no TON Connect, no DOM).
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Order } from '../../../src/domain/types';
import { failureMessage, PaymentActions, type WalletControls } from '../../../src/features/payment/payment-actions';
import { PaymentProgress } from '../../../src/features/payment/payment-progress';
import type { PaymentState } from '../../../src/features/payment/payment-state';
import { makeOrder } from './fixtures';

const T0 = '2026-11-23T09:00:00.000Z';
const pending: Order = makeOrder({
  payment: {
    address: 'kQBac_fekQiMMKWpShmv_sNjBRvj9Pu-9iMqELPBXO3Kp4A6',
    amountNano: '3000000000',
    comment: 'bz:K7Q2MX',
    validUntil: 1_900_000_000,
    network: 'local',
    payload: 'te6cc',
  },
});
const wallet = (address: string | null): WalletControls => ({ address, busy: false, connect() {}, disconnect() {}, pay() {} });
const actions = (state: PaymentState, order: Order = pending, connected: string | null = null) =>
  renderToStaticMarkup(<PaymentActions order={order} state={state} wallet={wallet(connected)} network="local" onRetrySubmission={() => {}} />);

describe('PaymentProgress', () => {
  it('shows nothing while no payment is under way', () => {
    expect(renderToStaticMarkup(<PaymentProgress state={{ phase: 'idle', notice: null, seenAt: T0 }} />)).toBe('');
  });
  it('marks the steps before the current one done, and says how long confirming takes', () => {
    const html = renderToStaticMarkup(<PaymentProgress state={{ phase: 'confirming', sinceMs: Date.now(), seenAt: T0 }} />);
    expect(html).toContain('data-step="confirming"');
    expect(html.match(/data-status="done"/g)).toHaveLength(2);
    expect(html).toContain('data-status="active"');
    expect(html).toContain('rarely more than a minute');
  });
  it('says a slow confirmation is taking longer than usual, and the payment is safe', () => {
    const html = renderToStaticMarkup(<PaymentProgress state={{ phase: 'confirming', sinceMs: Date.now() - 120_000, seenAt: T0 }} />);
    expect(html).toContain('Taking longer than usual');
  });
  it('shows every step done once paid', () => {
    const html = renderToStaticMarkup(<PaymentProgress state={{ phase: 'paid', seenAt: T0 }} />);
    expect(html.match(/data-status="done"/g)).toHaveLength(4);
    expect(html).toContain('Payment received');
  });
});

describe('PaymentActions', () => {
  it('asks to connect a wallet first', () => {
    expect(actions({ phase: 'idle', notice: null, seenAt: T0 })).toContain('>Connect wallet<');
  });
  it('offers to pay the amount once a wallet is connected', () => {
    const html = actions({ phase: 'idle', notice: null, seenAt: T0 }, pending, 'EQAbcdefghijklmnopqrstuvwxyz');
    expect(html).toContain('Pay 3 TON');
    expect(html).toContain('EQAb…wxyz');
  });
  it('says a decline in the wallet charged nothing, next to the pay button rather than an error', () => {
    const html = actions({ phase: 'idle', notice: 'declined', seenAt: T0 }, pending, 'EQAbcdefghijklmnopqrstuvwxyz');
    expect(html).toContain('data-notice="declined"');
    expect(html).toContain('Nothing was charged');
    expect(html).not.toContain('role="alert"');
    expect(html).toContain('Pay 3 TON');
  });
  it('offers to try again after a sent payment could not be recorded, and says it is safe', () => {
    const html = actions({ phase: 'failed', failure: { kind: 'network' }, boc: 'te6boc', seenAt: T0 });
    expect(html).toContain('role="alert"');
    expect(html).toContain('it is safe');
    expect(html).toContain('>Try again<');
  });
  it('offers to continue shopping once paid', () => {
    expect(actions({ phase: 'paid', seenAt: T0 }, makeOrder({ status: 'paid' }))).toContain('Continue shopping');
  });
});

describe('failureMessage', () => {
  it('names the network a wallet must switch to', () => {
    expect(failureMessage({ kind: 'wrongNetwork' }, 'testnet')).toContain('testnet');
    expect(failureMessage({ kind: 'wrongNetwork' }, 'mainnet')).toContain('mainnet');
  });
  it('passes the shop’s own sentence through for a refused transfer', () => {
    expect(failureMessage({ kind: 'rejected', message: 'This transfer sends less than the order’s total.' }, 'local')).toBe(
      'This transfer sends less than the order’s total.',
    );
  });
});

describe('paying in an asset other than TON', () => {
  const usdt = { asset: 'USDT', amount: '36000000', rate: '1/5', source: 'dev', fetchedAt: T0, lockedUntil: T0 } as const;
  it('offers to pay the USDT quote, in micro-USDT’s 6 digits', () => {
    const html = renderToStaticMarkup(
      <PaymentActions
        order={pending}
        state={{ phase: 'idle', notice: null, seenAt: T0 }}
        wallet={wallet('EQAbcdefghijklmnopqrstuvwxyz')}
        network="local"
        quote={usdt}
        onRetrySubmission={() => {}}
      />,
    );
    expect(html).toContain('Pay 36 USDT');
    expect(html).toContain('To pay: 36 USDT');
  });
  it.each([
    ['notAccepted', 'no longer takes USDT'],
    ['notQuoted', 'no price in USDT'],
    ['usdtUnavailable', 'Nothing was sent'],
    ['chainUnavailable', 'TON network isn’t answering'],
  ] as const)('says what to do when the shop cannot ask for USDT (%s)', (problem, text) => {
    expect(failureMessage({ kind: 'asset', problem, asset: 'USDT' }, 'local')).toContain(text);
  });
});
