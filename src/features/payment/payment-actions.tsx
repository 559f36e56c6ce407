import type { AssetQuote, Order, TonNetwork } from '../../domain/types';
import type { OrdersMessageKey } from '../../i18n/en-orders';
import { tOrder } from '../../i18n/orders-i18n';
import { navigate } from '../../platform/router';
import { shortenAddress } from '../../platform/ton-connect';
import { formatAssetAmount } from '../../ui/asset-amount';
import { formatPrice } from '../../ui/format-price';
import { PrimaryAction } from '../../ui/primary-action';
import type { AssetProblem, PaymentFailure, PaymentNotice, PaymentState } from './payment-state';

export interface WalletControls {
  /** The connected wallet's address (user-friendly), or null. */
  address: string | null;
  /** TON Connect is loading or restoring a session. */
  busy: boolean;
  connect: () => void;
  disconnect: () => void;
  /** Pays with the connected wallet. */
  pay: () => void;
}

const NOTICES: Record<PaymentNotice, 'payment.declined' | 'payment.cancelled' | 'payment.notLanded'> = {
  declined: 'payment.declined',
  cancelled: 'payment.cancelled',
  notLanded: 'payment.notLanded',
};

const ASSET_PROBLEMS: Record<AssetProblem, OrdersMessageKey> = {
  notAccepted: 'payment.failed.assetNotAccepted',
  notQuoted: 'payment.failed.assetNotQuoted',
  usdtUnavailable: 'payment.failed.usdtUnavailable',
  chainUnavailable: 'payment.failed.chainUnavailable',
};

export function failureMessage(failure: PaymentFailure, network: TonNetwork | null): string {
  switch (failure.kind) {
    case 'wallet':
      return tOrder('payment.failed.wallet');
    case 'wrongNetwork':
      return tOrder('payment.failed.wrongNetwork', { network: tOrder(`payment.network.${network ?? 'mainnet'}`) });
    case 'network':
      return tOrder('payment.failed.network');
    case 'server':
      return tOrder('payment.failed.server');
    case 'notPayable':
      return tOrder('payment.failed.notPayable');
    case 'rejected':
      return tOrder('payment.failed.rejected', { message: failure.message });
    case 'asset':
      return tOrder(ASSET_PROBLEMS[failure.problem], { asset: failure.asset });
  }
}

/**
 * The wallet row, the notice or failure of the last attempt, and the screen's one primary action
 * (Telegram's MainButton inside Telegram): connect → pay → (progress) → continue shopping.
 */
export function PaymentActions({
  order,
  state,
  wallet,
  network,
  quote = null,
  onRetrySubmission,
}: {
  order: Order;
  state: PaymentState;
  wallet: WalletControls;
  network: TonNetwork | null;
  /** The quote of the asset chosen to pay in; null (or TON's) pays the TON intent. */
  quote?: AssetQuote | null;
  onRetrySubmission: () => void;
}) {
  // The amount in the asset being paid: the chosen quote's, else the TON intent's (nanotons whatever the
  // shop prices in); the total in its currency only for an order with neither.
  const amount =
    quote && quote.asset !== 'TON'
      ? formatAssetAmount(quote)
      : order.payment?.amountNano
        ? formatAssetAmount({ amount: order.payment.amountNano, asset: 'TON' })
        : formatPrice(order.totalMinor, order.currency);
  const canPay = state.phase === 'idle' || (state.phase === 'failed' && state.boc === null);
  const showWallet = order.status === 'pending' && (canPay || state.phase === 'preparing' || state.phase === 'awaitingWallet');

  let action: { text: string; onClick: () => void; progress?: boolean; disabled?: boolean } | null = null;
  if (state.phase === 'paid') action = { text: tOrder('payment.continueShopping'), onClick: () => navigate('/') };
  else if (state.phase === 'failed' && state.boc !== null) action = { text: tOrder('payment.retry'), onClick: onRetrySubmission };
  else if (state.phase === 'preparing' || state.phase === 'awaitingWallet') {
    action = { text: tOrder('payment.waitingForWallet'), onClick: () => {}, progress: true };
  } else if (state.phase === 'submitting') action = { text: tOrder('payment.step.sent'), onClick: () => {}, progress: true };
  else if (canPay && order.status === 'pending') {
    if (wallet.busy) action = { text: tOrder('payment.connecting'), onClick: () => {}, progress: true };
    else if (wallet.address === null) action = { text: tOrder('payment.connect'), onClick: wallet.connect };
    else action = { text: tOrder('payment.pay', { amount }), onClick: wallet.pay };
  }

  return (
    <>
      {state.phase === 'idle' && state.notice && (
        <p className="payment-notice" data-testid="payment-notice" data-notice={state.notice} role="status">
          {tOrder(NOTICES[state.notice])}
        </p>
      )}
      {state.phase === 'failed' && (
        <div className="payment-failure" data-testid="payment-failure" data-failure={state.failure.kind} role="alert">
          <strong>{tOrder('payment.failedTitle')}</strong>
          <p>{failureMessage(state.failure, network)}</p>
        </div>
      )}
      {showWallet && (
        <div className="payment-wallet">
          <p className="hint">{wallet.address ? tOrder('payment.amountDue', { amount }) : tOrder('payment.connectHint')}</p>
          {wallet.address && (
            <div className="wallet-connected" data-testid="wallet-connected">
              <span className="wallet-connected__address" dir="ltr">
                {tOrder('payment.connected', { address: shortenAddress(wallet.address) })}
              </span>
              {canPay && (
                <button type="button" className="button button--small" data-testid="wallet-disconnect" onClick={wallet.disconnect}>
                  {tOrder('payment.disconnect')}
                </button>
              )}
            </div>
          )}
        </div>
      )}
      {action && <PrimaryAction text={action.text} onClick={action.onClick} progress={action.progress ?? false} disabled={action.disabled ?? false} />}
    </>
  );
}
