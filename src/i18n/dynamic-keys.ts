// Keys the code builds at run time, so no string literal in src/ names them: `status.${status}`
// (ui/order-status.tsx), `status.label.${status}` (the same file), `payment.network.${network}`
// (features/payment/payment-actions.tsx), and in the admin screens `admin.nav.${section}`
// (admin-nav.tsx), `admin.settings.currency.${value}` (settings-screen.tsx), `admin.data.kind.${kind}`
// and `admin.data.about.${kind}` (data-screen.tsx). The catalog test (test/unit/web/i18n/) counts these as used;
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
  'admin.nav.orders',
  'admin.nav.products',
  'admin.nav.categories',
  'admin.nav.payments',
  'admin.nav.sales',
  'admin.nav.settings',
  'admin.nav.data',
  'admin.settings.currency.code',
  'admin.settings.currency.symbol',
  'admin.data.kind.catalog',
  'admin.data.kind.orders',
  'admin.data.kind.customers',
  'admin.data.about.catalog',
  'admin.data.about.orders',
  'admin.data.about.customers',
];
