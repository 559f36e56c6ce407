import type { Catalog } from './types';

// English messages of the screens after the cart: order status labels and paying for an order. They
// live apart from en.ts because only lazily loaded chunks (checkout, orders, payment) use them, and
// en.ts ships in the initial bundle, which has no room left (budget: bench/bundle-size.mjs).
export const enOrders = {
  'status.label.pending': 'Awaiting payment',
  'status.label.confirming': 'Confirming',
  'status.label.paid': 'Paid',
  'status.label.shipped': 'Shipped',
  'status.label.ready_for_pickup': 'Ready for pickup',
  'status.label.completed': 'Completed',
  'status.label.expired': 'Expired',
  'status.label.cancelled': 'Cancelled',

  'payment.title': 'Payment',
  'payment.amountDue': 'To pay: {amount}',
  'payment.connectHint': 'Connect the TON wallet you want to pay from.',
  'payment.connect': 'Connect wallet',
  'payment.connecting': 'Connecting wallet…',
  'payment.connected': 'Paying from {address}',
  'payment.disconnect': 'Disconnect',
  'payment.pay': 'Pay {amount}',
  'payment.loading': 'Loading the wallet connection…',
  'payment.loadFailed': 'The wallet connection didn’t load.',

  'payment.step.wallet': 'Confirm the payment in your wallet',
  'payment.step.sent': 'Payment sent',
  'payment.step.confirming': 'Confirming on the TON network',
  'payment.step.paid': 'Paid',
  'payment.preparing': 'Preparing the payment…',
  'payment.waitingForWallet': 'Waiting for your wallet…',
  'payment.walletHint': 'Open your wallet, check the amount and approve the payment there.',
  'payment.recording': 'Payment sent. Letting the shop know…',
  'payment.confirmingHint': 'This usually takes a few seconds and rarely more than a minute. You can leave this screen: the order updates by itself.',
  'payment.confirmingSlow': 'Taking longer than usual. The network may be busy: your payment is safe and the order updates as soon as it is confirmed.',
  'payment.paidTitle': 'Payment received',
  'payment.continueShopping': 'Continue shopping',
  'payment.followProgress': 'Follow the payment',

  'payment.declined': 'You declined the payment in your wallet. Nothing was charged.',
  'payment.cancelled': 'You closed the request before your wallet answered. If you approve it in the wallet after all, this order updates by itself.',
  'payment.notLanded': 'The last payment didn’t reach the network in time. Nothing was charged: you can pay again.',

  'payment.failedTitle': 'The payment didn’t go through',
  'payment.failed.wallet': 'Your wallet couldn’t send the payment. Try again, or pay from another wallet.',
  'payment.failed.wrongNetwork': 'Your wallet is on the wrong TON network. This shop takes payments on {network}: switch networks in the wallet and try again.',
  'payment.failed.network': 'We couldn’t reach the shop to record your payment. If your wallet sent it, it is safe: the shop picks it up from the network by itself. Try again to check now.',
  'payment.failed.server': 'The shop had a problem recording your payment. If your wallet sent it, it is safe: the shop picks it up from the network by itself. Try again in a moment.',
  'payment.failed.notPayable': 'This order can no longer be paid: its reservation ran out or it was already paid.',
  'payment.failed.rejected': '{message}',
  'payment.retry': 'Try again',
  'payment.network.mainnet': 'mainnet',
  'payment.network.testnet': 'testnet',
  'payment.network.local': 'the local dev chain (testnet addresses)',
} satisfies Catalog;

export type OrdersMessageKey = keyof typeof enOrders;
