import type { Catalog } from './types';

// English messages of the sign-in and account screens (web sign-in with Telegram or a TON wallet, and
// linking the other one). Lazily loaded with those screens, like en-orders.ts; the header's "Sign in" and
// "My account" are in en.ts, since the shell shows them.
export const enAuth = {
  'signIn.title': 'Sign in',
  'signIn.intro': 'Sign in to check out and to see your orders. Browsing the shop needs no account.',
  'signIn.ended': 'Your sign-in has ended. Sign in again to continue.',
  'signIn.telegramTitle': 'With Telegram',
  'signIn.telegramHint': 'Orders you placed in the shop’s Telegram app show up here too.',
  'signIn.telegramButton': 'Log in with Telegram',
  'signIn.telegramUnavailable': 'Telegram’s sign-in button didn’t load. If Telegram is blocked where you are, sign in with a TON wallet.',
  'signIn.walletTitle': 'With a TON wallet',
  'signIn.walletHint': 'No Telegram needed: your wallet signs a one-time code for this shop. Nothing is paid.',
  'signIn.walletButton': 'Sign in with a TON wallet',
  'signIn.walletBusy': 'Waiting for your wallet…',
  'signIn.signingIn': 'Signing you in…',
  'signIn.failed': 'We couldn’t sign you in',
  'signIn.walletRefused': 'Your wallet didn’t sign the sign-in request. Try again, or use another wallet.',
  'signIn.alreadySignedIn': 'You are signed in.',

  'account.title': 'My account',
  'account.loading': 'Loading your account',
  'account.telegram': 'Telegram',
  'account.telegramId': 'ID {id}',
  'account.wallet': 'TON wallet',
  'account.notLinked': 'Not linked',
  'account.linkTelegramHint': 'Link your Telegram account to sign in with either one and keep all your orders together.',
  'account.linkWallet': 'Link a TON wallet',
  'account.linkWalletHint': 'Link a TON wallet to sign in even where Telegram can’t be reached.',
  'account.linked': 'Linked.',
  'account.linkFailed': 'We couldn’t link it',
  'account.viaMiniApp': 'You are signed in through the shop’s Telegram app.',
  'account.signOut': 'Sign out',
  'account.orders': 'My orders',
} satisfies Catalog;

export type AuthMessageKey = keyof typeof enAuth;
