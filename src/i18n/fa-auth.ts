import type { AuthMessageKey } from './en-auth';
import type { Translation } from './types';

// Persian messages of the sign-in and account screens (see en-auth.ts).
export const faAuth = {
  'signIn.title': 'ورود',
  'signIn.intro': 'برای ثبت سفارش و دیدن سفارش‌هایتان وارد شوید. دیدن محصولات به حساب نیاز ندارد.',
  'signIn.ended': 'نشست ورود شما به پایان رسیده است. برای ادامه دوباره وارد شوید.',
  'signIn.telegramTitle': 'با تلگرام',
  'signIn.telegramHint': 'سفارش‌هایی که در برنامهٔ فروشگاه در تلگرام ثبت کرده‌اید اینجا هم دیده می‌شوند.',
  'signIn.telegramButton': 'ورود با تلگرام',
  'signIn.telegramUnavailable': 'دکمهٔ ورود تلگرام بارگیری نشد. اگر تلگرام در محل شما مسدود است، با کیف پول TON وارد شوید.',
  'signIn.walletTitle': 'با کیف پول TON',
  'signIn.walletHint': 'به تلگرام نیازی نیست: کیف پول شما یک کد یک‌بارمصرف را برای این فروشگاه امضا می‌کند. هیچ مبلغی پرداخت نمی‌شود.',
  'signIn.walletButton': 'ورود با کیف پول TON',
  'signIn.walletBusy': 'در انتظار کیف پول شما…',
  'signIn.signingIn': 'در حال ورود…',
  'signIn.failed': 'ورود انجام نشد',
  'signIn.walletRefused': 'کیف پول شما درخواست ورود را امضا نکرد. دوباره امتحان کنید یا کیف پول دیگری را به کار ببرید.',
  'signIn.alreadySignedIn': 'شما وارد شده‌اید.',

  'account.title': 'حساب من',
  'account.loading': 'در حال بارگیری حساب شما',
  'account.telegram': 'تلگرام',
  'account.telegramId': 'شناسه {id}',
  'account.wallet': 'کیف پول TON',
  'account.notLinked': 'متصل نشده',
  'account.linkTelegramHint': 'حساب تلگرام خود را متصل کنید تا با هر دو راه وارد شوید و همهٔ سفارش‌هایتان یک‌جا باشند.',
  'account.linkWallet': 'اتصال کیف پول TON',
  'account.linkWalletHint': 'یک کیف پول TON متصل کنید تا حتی جایی که تلگرام در دسترس نیست بتوانید وارد شوید.',
  'account.linked': 'متصل شد.',
  'account.linkFailed': 'اتصال انجام نشد',
  'account.viaMiniApp': 'شما از راه برنامهٔ فروشگاه در تلگرام وارد شده‌اید.',
  'account.signOut': 'خروج',
  'account.orders': 'سفارش‌های من',
} satisfies Translation<AuthMessageKey>;
