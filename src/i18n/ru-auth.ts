import type { AuthMessageKey } from './en-auth';
import type { Translation } from './types';

// Russian messages of the sign-in and account screens (see en-auth.ts).
export const ruAuth = {
  'signIn.title': 'Вход',
  'signIn.intro': 'Войдите, чтобы оформить заказ и видеть свои заказы. Смотреть товары можно без входа.',
  'signIn.ended': 'Сеанс входа закончился. Войдите снова, чтобы продолжить.',
  'signIn.telegramTitle': 'Через Telegram',
  'signIn.telegramHint': 'Заказы, сделанные в приложении магазина в Telegram, будут видны и здесь.',
  'signIn.telegramButton': 'Войти через Telegram',
  'signIn.telegramUnavailable': 'Кнопка входа Telegram не загрузилась. Если Telegram у вас заблокирован, войдите с TON-кошельком.',
  'signIn.walletTitle': 'С TON-кошельком',
  'signIn.walletHint': 'Telegram не нужен: кошелёк подпишет одноразовый код для этого магазина. Ничего не списывается.',
  'signIn.walletButton': 'Войти с TON-кошельком',
  'signIn.walletBusy': 'Ждём ваш кошелёк…',
  'signIn.signingIn': 'Выполняем вход…',
  'signIn.failed': 'Не удалось войти',
  'signIn.walletRefused': 'Кошелёк не подписал запрос на вход. Попробуйте ещё раз или выберите другой кошелёк.',
  'signIn.alreadySignedIn': 'Вы уже вошли.',

  'account.title': 'Мой аккаунт',
  'account.loading': 'Загружаем ваш аккаунт',
  'account.telegram': 'Telegram',
  'account.telegramId': 'ID {id}',
  'account.wallet': 'TON-кошелёк',
  'account.notLinked': 'Не привязан',
  'account.linkTelegramHint': 'Привяжите аккаунт Telegram, чтобы входить любым способом и видеть все заказы вместе.',
  'account.linkWallet': 'Привязать TON-кошелёк',
  'account.linkWalletHint': 'Привяжите TON-кошелёк, чтобы входить даже там, где Telegram недоступен.',
  'account.linked': 'Привязано.',
  'account.linkFailed': 'Не удалось привязать',
  'account.viaMiniApp': 'Вы вошли через приложение магазина в Telegram.',
  'account.signOut': 'Выйти',
  'account.orders': 'Мои заказы',
} satisfies Translation<AuthMessageKey>;
