// "Refund" on a paid (or cancelled after payment) order, in what it was paid in (#13): TON, or USDT as a
// jetton transfer through the shop's own USDT wallet (the server builds either). The merchant connects the
// shop's own wallet with TON Connect, signs the refund Bazaar builds, and the chain says when it is done.
// The server never holds a key; a different wallet is refused here, before anything is asked of it.
import { useState } from 'react';
import { WalletConnectionCancelledError } from '../../../domain/merchant-wallet';
import { tAdmin } from '../../../i18n/admin-i18n';
import { formatDateTime } from '../../../i18n/format-date';
import { ErrorView } from '../../../ui/error-view';
import { formatPrice } from '../../../ui/format-price';
import { useAdminApi } from '../common/admin-api';
import type { AdminOrder, AdminRefund } from '../common/admin-types';
import { useMerchantWallet } from '../common/merchant-wallet-context';
import { ShortHash } from '../common/short-hash';
import { MINOR_DIGITS } from '../../../domain/format-money';
import { currentLocale } from '../../../i18n/i18n';
import { formatDecimalInput, parseDecimalInput } from '../common/decimal-amount';
import { requestRefund, submitRefundBoc, useOrderRefunds } from './api';

// Where the goods may be when the money is given back (core/refunds/refund-rules.ts PAID_STATUSES).
const REFUNDABLE_STATUSES = new Set(['paid', 'shipped', 'ready_for_pickup', 'completed', 'cancelled']);

const STATUS_LABELS = {
  requested: 'admin.refund.status.requested',
  sent: 'admin.refund.status.sent',
  confirmed: 'admin.refund.status.confirmed',
  lapsed: 'admin.refund.status.lapsed',
} as const;

type Phase = 'idle' | 'connecting' | 'requesting' | 'signing' | 'submitting';

/** The order's Refund section: TON or USDT sent back from the merchant's own wallet, signed there (TON Connect). */
export function WalletRefund({ order }: { order: AdminOrder }) {
  const api = useAdminApi();
  const wallet = useMerchantWallet();
  const refunds = useOrderRefunds(order.id, REFUNDABLE_STATUSES.has(order.status));
  const [amount, setAmount] = useState<string | null>(null);
  const [connected, setConnected] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const [error, setError] = useState<unknown>(undefined);

  const data = refunds.data;
  if (!REFUNDABLE_STATUSES.has(order.status)) return null;
  if (!data) {
    return refunds.error !== undefined ? (
      <section className="card admin-card">
        <ErrorView compact error={refunds.error} onRetry={refunds.reload} />
      </section>
    ) : null;
  }
  const { refundable } = data;
  if (!refundable || (refundable.asset !== 'TON' && refundable.asset !== 'USDT')) return null;
  const { asset } = refundable;
  const network = data.wallet.network;
  // Typed and shown in the asset's own decimals (TON 9, USDT 6), sent as its smallest unit.
  const digits = MINOR_DIGITS[asset];
  const show = (minor: string) => formatAmount(minor, asset);

  const typed = amount ?? formatDecimalInput(refundable.left, digits);
  const parsed = parseDecimalInput(typed, digits, asset);
  const tooMuch = parsed.ok && BigInt(parsed.minor) > BigInt(refundable.left);
  const wrongWallet = connected !== null && connected.toLowerCase() !== data.wallet.merchant.toLowerCase();
  const inFlight = data.refunds.some((r) => r.status === 'requested' || r.status === 'sent');
  const busy = phase !== 'idle';
  const canRefund = parsed.ok && parsed.minor !== '0' && !tooMuch && connected !== null && !wrongWallet && !inFlight && !busy;

  const connect = async () => {
    if (!wallet) return;
    setPhase('connecting');
    setError(undefined);
    try {
      setConnected(await wallet.connect(network));
    } catch (caught) {
      if (!(caught instanceof WalletConnectionCancelledError)) setError(caught);
    } finally {
      setPhase('idle');
    }
  };

  const disconnect = async () => {
    if (!wallet) return;
    await wallet.disconnect(network).catch(() => {});
    setConnected(null);
  };

  const refund = async () => {
    if (!wallet || !parsed.ok || connected === null) return;
    setError(undefined);
    try {
      setPhase('requesting');
      const { refund: requested, transaction } = await requestRefund(api, order.id, parsed.minor, connected);
      refunds.reload();
      setPhase('signing');
      const boc = await wallet.send(network, transaction);
      setPhase('submitting');
      await submitRefundBoc(api, order.id, requested.id, boc);
      setAmount(null);
    } catch (caught) {
      setError(caught);
    } finally {
      setPhase('idle');
      refunds.reload();
    }
  };

  return (
    <section className="card admin-card" aria-labelledby="wallet-refund-title" data-testid="wallet-refund">
      <h2 id="wallet-refund-title" className="card__title">
        {tAdmin('admin.refund.title')}
      </h2>
      <p className="hint">
        {tAdmin('admin.refund.left', { left: show(refundable.left), paid: show(refundable.paid) })} <ShortHash value={refundable.payer} />
      </p>

      {refundable.left !== '0' && (
        <>
          <div className="field">
            <label className="field__label" htmlFor="refund-amount">
              {tAdmin('admin.refund.amount', { asset })}
            </label>
            <input
              id="refund-amount"
              className="input"
              inputMode="decimal"
              dir="ltr"
              data-testid="refund-amount"
              value={typed}
              disabled={busy}
              onChange={(event) => setAmount(event.target.value)}
              aria-invalid={!parsed.ok || tooMuch ? true : undefined}
            />
            {!parsed.ok && parsed.error !== 'empty' && (
              <p className="field__error">{tAdmin('admin.refund.amountInvalid', { asset, digits: new Intl.NumberFormat(currentLocale()).format(digits) })}</p>
            )}
            {tooMuch && <p className="field__error">{tAdmin('admin.refund.amountTooMuch', { left: show(refundable.left) })}</p>}
          </div>

          {connected === null ? (
            <button type="button" className="button" data-testid="refund-connect" disabled={busy || !wallet} onClick={() => void connect()}>
              {phase === 'connecting' ? tAdmin('admin.refund.connecting') : tAdmin('admin.refund.connect')}
            </button>
          ) : (
            <div className="admin-row" data-testid="refund-wallet">
              <span className="hint">
                {tAdmin('admin.refund.connected')} <ShortHash value={connected} />
              </span>
              <button type="button" className="button button--small" data-testid="refund-disconnect" disabled={busy} onClick={() => void disconnect()}>
                {tAdmin('admin.refund.disconnect')}
              </button>
            </div>
          )}
          {wrongWallet && (
            <p className="admin-warning" role="alert" data-testid="refund-wrong-wallet">
              {tAdmin('admin.refund.wrongWallet')} <ShortHash value={data.wallet.merchantFriendly} />
            </p>
          )}
          {inFlight && <p className="hint">{tAdmin('admin.refund.inFlight')}</p>}
          <button type="button" className="button button--primary" data-testid="refund-sign" disabled={!canRefund} onClick={() => void refund()}>
            {phase === 'requesting' || phase === 'submitting'
              ? tAdmin('admin.refund.working')
              : phase === 'signing'
                ? tAdmin('admin.refund.signing')
                : tAdmin('admin.refund.sign', { amount: parsed.ok ? show(parsed.minor) : '' })}
          </button>
        </>
      )}
      {error !== undefined && <ErrorView compact error={error} title={tAdmin('admin.refund.failed')} />}

      {data.refunds.length > 0 && (
        <ul className="admin-list" data-testid="refund-list">
          {data.refunds.map((r) => (
            <RefundRow key={r.id} refund={r} />
          ))}
        </ul>
      )}
    </section>
  );
}

function RefundRow({ refund }: { refund: AdminRefund }) {
  return (
    <li className="admin-list__item" data-testid="refund-row" data-status={refund.status}>
      <div className="admin-row">
        <strong className="money">{formatAmount(refund.amount, refund.asset)}</strong>
        <span className="hint">{formatDateTime(refund.createdAt)}</span>
      </div>
      <p data-testid="refund-status">{tAdmin(STATUS_LABELS[refund.status])}</p>
      {refund.messageHash && (
        <p className="hint">
          {tAdmin('admin.refund.messageHash')} <ShortHash value={refund.messageHash} />
        </p>
      )}
      {refund.transactionHash &&
        (refund.explorerUrl ? (
          <a href={refund.explorerUrl} target="_blank" rel="noreferrer">
            {tAdmin('admin.payment.viewTx')}
          </a>
        ) : (
          <p className="hint">
            {tAdmin('admin.payment.txLocal')} <ShortHash value={refund.transactionHash} />
          </p>
        ))}
    </li>
  );
}

/** An amount in its asset: TON as everywhere in the admin, USDT in its 6 decimals, exactly (BigInt digits). */
function formatAmount(minor: string, asset: 'TON' | 'USDT'): string {
  return formatPrice(minor, asset);
}
