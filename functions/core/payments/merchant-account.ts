import type { AccountStatus } from './chain-reader';

/**
 * What the merchant should know about their receiving wallet's state, for the start-up log. Every state
 * but `frozen` receives payments: a wallet made in a wallet app and never used to send is `nonexist` or
 * `uninit`, and a non-bounceable transfer to it is credited all the same (credited-value.ts).
 */
export function describeMerchantAccount(status: AccountStatus): string {
  switch (status) {
    case 'active':
      return 'active (deployed): receives payments and can send refunds.';
    case 'uninit':
      return 'uninit: it holds money but has never sent anything. Payments are received; send one transfer from it in your wallet app to deploy it before you refund.';
    case 'nonexist':
      return 'nonexist: nothing has reached it yet. The first payment creates it; check that MERCHANT_ADDRESS is the wallet you meant.';
    case 'frozen':
      return 'FROZEN: it ran out of money for storage fees. Top it up in your wallet app: payments to a frozen account are not safe.';
  }
}
