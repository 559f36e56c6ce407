// Keys the code builds at run time, so no string literal in src/ names them: `status.${status}`
// (ui/order-status.tsx), `status.label.${status}` (the same file) and `payment.network.${network}`
// (features/payment/payment-actions.tsx). The catalog test (test/unit/web/i18n/) counts these as used;
// add a key here when you build one from parts. Nothing in the app imports this file.
export const DYNAMIC_KEYS: readonly string[] = [
  'status.pending',
  'status.confirming',
  'status.paid',
  'status.shipped',
  'status.ready_for_pickup',
  'status.completed',
  'status.expired',
  'status.cancelled',
  'status.label.pending',
  'status.label.confirming',
  'status.label.paid',
  'status.label.shipped',
  'status.label.ready_for_pickup',
  'status.label.completed',
  'status.label.expired',
  'status.label.cancelled',
  'payment.network.mainnet',
  'payment.network.testnet',
  'payment.network.local',
];
