import type { Catalog } from './types';

// English messages of the screens after the catalog: cart, checkout, orders, order status and paying
// for an order. They live apart from en.ts because only lazily loaded chunks use them, while en.ts (and
// the active language's counterpart, fetched before the first paint) serves the first screen, whose
// bundle has no room to spare (budget: bench/bundle-size.mjs). A key goes here unless the catalog
// screen or the shell needs it.
export const enOrders = {
  'status.label.pending': 'Awaiting payment',
  'status.label.confirming': 'Confirming',
  'status.label.paid': 'Paid',
  'status.label.shipped': 'Shipped',
  'status.label.ready_for_pickup': 'Ready for pickup',
  'status.label.completed': 'Completed',
  'status.label.expired': 'Expired',
  'status.label.cancelled': 'Cancelled',
  'status.label.refunded': 'Refunded',

  'payment.title': 'Payment',
  'stars.pay': 'Pay {stars} ⭐ in Telegram Stars',
  'stars.confirming': 'Telegram took the Stars; waiting for the shop to confirm the payment…',
  'stars.failed': 'The payment did not go through, and nothing was charged. Try again.',
  'stars.orTon': 'Or pay in TON below.',
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
  'payment.failed.network':
    'We couldn’t reach the shop to record your payment. If your wallet sent it, it is safe: the shop picks it up from the network by itself. Try again to check now.',
  'payment.failed.server':
    'The shop had a problem recording your payment. If your wallet sent it, it is safe: the shop picks it up from the network by itself. Try again in a moment.',
  'payment.failed.notPayable': 'This order can no longer be paid: its reservation ran out or it was already paid.',
  'payment.failed.rejected': '{message}',
  'payment.retry': 'Try again',
  'payment.network.mainnet': 'mainnet',
  'payment.network.testnet': 'testnet',
  'payment.network.local': 'the local dev chain (testnet addresses)',

  'cart.browse': 'Browse the catalog',
  'cart.checkout': 'Checkout · {total}',
  'cart.emptyBody': 'Add something from the catalog and it will wait for you here.',
  'cart.emptyTitle': 'Your cart is empty',
  'cart.fixFirst': 'Fix the marked items to check out',
  'cart.fixQuantity': 'Set to {count}',
  'cart.orderProblem': 'We couldn’t place the order',
  'cart.overStock': { one: 'Only {count} left', other: 'Only {count} left' },
  'cart.removeUnavailable': 'Remove',
  'cart.split.body':
    'Digital items can be paid in Telegram Stars, but Stars cannot pay for things we ship. Place two orders, or pay for everything in TON below.',
  'cart.split.digital': { one: 'Order the digital item ({count})', other: 'Order the digital items ({count})' },
  'cart.split.physical': { one: 'Order the item to ship ({count})', other: 'Order the items to ship ({count})' },
  'cart.split.title': 'Pay digital items in Stars?',
  'cart.title': 'Cart',
  'cart.total': 'Total',
  'cart.totalNote': 'The final price is confirmed when your order is created.',
  'cart.unavailable': 'No longer available',
  'cart.unavailableTitle': 'Unavailable item',

  'checkout.loading': 'Loading your order…',
  'checkout.myOrders': 'See all my orders',
  'checkout.reservedFor': 'Items reserved for {time}',
  'checkout.title': 'Order {code}',

  'order.items': 'Items',
  'order.lineQuantity': '{quantity} × {price}',
  'order.title': 'Order {code}',
  'order.total': 'Total',

  'orders.emptyBody': 'When you check out, your orders show up here.',
  'orders.emptyTitle': 'No orders yet',
  'orders.itemCount': { one: '{count} item', other: '{count} items' },
  'orders.openCheckout': 'Continue to checkout',
  'orders.placedAt': 'Placed {date}',
  'orders.title': 'My orders',

  'product.stockLeft': { one: 'Only {count} left', other: 'Only {count} left' },
  'product.viewCart': 'View cart',

  'status.pending': 'Awaiting payment. Items are reserved until the timer runs out.',
  'status.confirming': 'Payment seen, waiting for the network to confirm it.',
  'status.paid': 'Paid. Thank you!',
  'status.shipped': 'On its way.',
  'status.ready_for_pickup': 'Ready for pickup.',
  'status.completed': 'Completed.',
  'status.expired': 'Expired: the reservation ran out before payment.',
  'status.cancelled': 'Cancelled.',
  'status.refunded': 'Refunded: the payment went back to you.',

  'digital.title': 'Your purchase',
  'digital.keys': { one: 'Your key:', other: 'Your {count} keys:' },
  'digital.download': 'Download {name}',
  'digital.linkUntil': 'The link works until {date}.',
  'digital.newLink': 'Get a new link',
  'digital.linkLoading': 'Getting your download link…',
  'digital.linkFailed': 'The download link could not be made. Try again.',

  'push.title': 'Order updates',
  'push.turnOn': 'Get order updates in this browser',
  'push.turnOnHint': 'The shop tells you here when an order is paid, shipped or ready, even with this page closed.',
  'push.turningOn': 'Turning on…',
  'push.on': 'Order updates are on in this browser.',
  'push.turnOff': 'Turn off',
  'push.denied': 'Notifications are blocked for this site. Allow them in the browser’s site settings to get order updates here.',
  'push.unsupported': 'This browser cannot show the shop’s notifications.',
  'push.iosHowTo':
    'On iPhone and iPad, order updates need the shop on your home screen: tap Share, then “Add to Home Screen”, open the shop from there and turn them on.',
  'push.failed': 'Order updates could not be turned on. Try again.',
} satisfies Catalog;

export type OrdersMessageKey = keyof typeof enOrders;
