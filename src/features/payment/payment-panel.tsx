// Loaded lazily from the checkout screen: TON Connect is ~120 KB gzip and only this screen needs it.
import { TonConnectUIProvider, useIsConnectionRestored, useTonAddress, useTonConnectUI, type TonConnectUI } from '@tonconnect/ui-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { chooseAsset, quoteOf, quotesToShow } from '../../domain/payment-assets';
import type { AssetQuote, Order, PaymentAsset, TonNetwork } from '../../domain/types';
import { tOrder } from '../../i18n/orders-i18n';
import { setPreferredAsset, usePreferredAsset } from '../../platform/preferred-asset';
import { formatAssetAmount } from '../../ui/asset-amount';
import { AssetChoice } from '../../ui/asset-choice';
import { PaymentActions, type WalletControls } from './payment-actions';
import { PaymentProgress } from './payment-progress';
import { StarsPayment } from './stars-payment';
import { returnFocusWhenFreed } from './return-focus';
import { getTonConnectUI, hasStoredWalletSession, openWalletConnection, prepareWallets } from './ton-connect-ui';
import { usePaymentFlow, type PaymentFlow } from './use-payment-flow';
import './payment.css';

export interface PaymentPanelProps {
  order: Order;
  /** Telegram's scheme when inside it; otherwise TON Connect follows the system. */
  colorScheme: 'light' | 'dark' | null;
  language: string;
}

/**
 * The payment card of a checkout: connect a wallet, pay, follow the payment until the order is paid.
 * TON Connect starts only when needed: at once if a wallet session is stored (to restore it), otherwise
 * on the first tap. Until then the checkout makes no request to a wallets registry or icon host.
 */
export default function PaymentPanel({ order, colorScheme, language }: PaymentPanelProps) {
  const flow = usePaymentFlow(order);
  // The asset to pay in: the one chosen at checkout (or here), when the order is quoted in it; TON by default.
  const assetQuotes = quotesToShow(order.quotes);
  const asset = chooseAsset(assetQuotes, usePreferredAsset());
  const quote = quoteOf(assetQuotes, asset);
  const choosing = order.status === 'pending' && (flow.state.phase === 'idle' || (flow.state.phase === 'failed' && flow.state.boc === null));
  const [ui, setUi] = useState<TonConnectUI | null>(null);
  const [starting, setStarting] = useState(false);
  const [startFailed, setStartFailed] = useState(false);
  const [openModalWhenReady, setOpenModalWhenReady] = useState(false);
  // The intent names the network only while the order is payable: remember it for the failure messages.
  const networkRef = useRef<TonNetwork | null>(order.payment?.network ?? null);
  if (order.payment) networkRef.current = order.payment.network;

  const start = useCallback(
    async (openModal: boolean) => {
      const network = networkRef.current;
      if (network === null) return;
      setStarting(true);
      setStartFailed(false);
      try {
        const devWallet = await prepareWallets(network, window);
        setOpenModalWhenReady(openModal);
        setUi(getTonConnectUI({ network, origin: window.location.origin, colorScheme, language, devWallet }));
      } catch {
        setStartFailed(true);
      } finally {
        setStarting(false);
      }
    },
    [colorScheme, language],
  );

  const payable = order.status === 'pending' && order.payment !== null;
  useEffect(() => {
    if (payable && ui === null && hasStoredWalletSession(window.localStorage)) void start(false);
  }, [payable, ui, start]);

  const idleWallet: WalletControls = {
    address: null,
    busy: starting,
    connect: () => void start(true),
    disconnect: () => {},
    pay: () => {},
  };

  return (
    <section className="card payment-card" aria-labelledby="payment-title" data-testid="payment" data-phase={flow.state.phase}>
      <h2 id="payment-title" className="card__title">
        {tOrder('payment.title')}
      </h2>
      <PaymentProgress state={flow.state} />
      {flow.state.phase === 'paid' && <PaidAmounts order={order} />}
      {order.status === 'pending' && (
        <AssetChoice
          name="payment-asset"
          quotes={assetQuotes}
          chosen={asset}
          onChoose={setPreferredAsset}
          disabled={!choosing}
          total={{ amountMinor: order.totalMinor, currency: order.currency }}
        />
      )}
      <StarsPayment order={order} />
      {startFailed && (
        <div className="inline-error" role="alert">
          <span>{tOrder('payment.loadFailed')}</span>
          <button type="button" className="button button--small" data-testid="retry" onClick={() => void start(true)}>
            {tOrder('payment.retry')}
          </button>
        </div>
      )}
      {ui ? (
        <TonConnectUIProvider instance={ui}>
          <ConnectedActions order={order} flow={flow} network={networkRef.current} quote={quote} asset={asset} openModalOnReady={openModalWhenReady} />
        </TonConnectUIProvider>
      ) : (
        <PaymentActions
          order={order}
          state={flow.state}
          wallet={idleWallet}
          network={networkRef.current}
          quote={quote}
          onRetrySubmission={flow.retrySubmission}
        />
      )}
    </section>
  );
}

function ConnectedActions({
  order,
  flow,
  network,
  quote,
  asset,
  openModalOnReady,
}: {
  order: Order;
  flow: PaymentFlow;
  network: TonNetwork | null;
  quote: AssetQuote | null;
  asset: PaymentAsset | null;
  openModalOnReady: boolean;
}) {
  const [tonConnectUI] = useTonConnectUI();
  const address = useTonAddress();
  const restored = useIsConnectionRestored();
  const opened = useRef(false);

  useEffect(() => {
    if (!openModalOnReady || !restored || opened.current) return;
    opened.current = true;
    if (!tonConnectUI.connected) void openWalletConnection(tonConnectUI, window);
  }, [openModalOnReady, restored, tonConnectUI]);

  const wallet: WalletControls = {
    address: address || null,
    busy: !restored,
    connect: () => void openWalletConnection(tonConnectUI, window),
    disconnect: () => void tonConnectUI.disconnect(),
    pay: () => {
      // The wallet step may leave the focus on <body> (TON Connect's modal): back to where Pay was pressed.
      const pressed = document.activeElement;
      void flow
        .pay((request) => tonConnectUI.sendTransaction(request), asset ? { asset, wallet: tonConnectUI.account?.address ?? null } : undefined)
        .finally(() => {
          if (pressed instanceof HTMLElement) returnFocusWhenFreed(pressed, document);
        });
    },
  };
  return <PaymentActions order={order} state={flow.state} wallet={wallet} network={network} quote={quote} onRetrySubmission={flow.retrySubmission} />;
}

/** What arrived, in the asset it came in ("Paid 22.5 USDT"), from the payments the shop applied to the order. */
function PaidAmounts({ order }: { order: Order }) {
  const applied = (order.payments ?? []).filter((p) => p.status === 'applied');
  if (applied.length === 0) return null;
  return (
    <p className="hint" data-testid="paid-amounts">
      {applied.map((p) => tOrder('payment.paidAmount', { amount: formatAssetAmount({ amount: p.amountNano, asset: p.asset }) })).join(' · ')}
    </p>
  );
}
