import type { OrdersMessageKey } from './en-orders';
import type { Translation } from './types';

// Russian messages of the order screens (see en-orders.ts for why they live apart).
export const ruOrders = {
  'status.label.pending': 'Ожидает оплаты',
  'status.label.confirming': 'Подтверждается',
  'status.label.paid': 'Оплачен',
  'status.label.shipped': 'Отправлен',
  'status.label.ready_for_pickup': 'Готов к выдаче',
  'status.label.completed': 'Выполнен',
  'status.label.expired': 'Истёк',
  'status.label.cancelled': 'Отменён',

  'payment.title': 'Оплата',
  'payment.amountDue': 'К оплате: {amount}',
  'payment.connectHint': 'Подключите TON-кошелёк, с которого хотите заплатить.',
  'payment.connect': 'Подключить кошелёк',
  'payment.connecting': 'Подключаем кошелёк…',
  'payment.connected': 'Оплата с {address}',
  'payment.disconnect': 'Отключить',
  'payment.pay': 'Оплатить {amount}',
  'payment.loading': 'Загружаем подключение кошелька…',
  'payment.loadFailed': 'Не удалось загрузить подключение кошелька.',

  'payment.step.wallet': 'Подтвердите платёж в кошельке',
  'payment.step.sent': 'Платёж отправлен',
  'payment.step.confirming': 'Подтверждение в сети TON',
  'payment.step.paid': 'Оплачено',
  'payment.preparing': 'Готовим платёж…',
  'payment.waitingForWallet': 'Ждём ваш кошелёк…',
  'payment.walletHint': 'Откройте кошелёк, проверьте сумму и подтвердите платёж.',
  'payment.recording': 'Платёж отправлен. Сообщаем магазину…',
  'payment.confirmingHint': 'Обычно это занимает несколько секунд и редко дольше минуты. С этого экрана можно уйти: заказ обновится сам.',
  'payment.confirmingSlow': 'Дольше обычного. Возможно, сеть загружена: ваш платёж в безопасности, и заказ обновится, как только его подтвердят.',
  'payment.paidTitle': 'Платёж получен',
  'payment.continueShopping': 'Продолжить покупки',
  'payment.followProgress': 'Следить за платежом',

  'payment.declined': 'Вы отклонили платёж в кошельке. Деньги не списаны.',
  'payment.cancelled': 'Вы закрыли запрос до ответа кошелька. Если всё же подтвердите его в кошельке, заказ обновится сам.',
  'payment.notLanded': 'Последний платёж не успел попасть в сеть. Деньги не списаны: можно оплатить снова.',

  'payment.failedTitle': 'Платёж не прошёл',
  'payment.failed.wallet': 'Кошелёк не смог отправить платёж. Попробуйте снова или заплатите с другого кошелька.',
  'payment.failed.wrongNetwork': 'Кошелёк подключён не к той сети TON. Магазин принимает платежи в {network}: переключите сеть в кошельке и попробуйте снова.',
  'payment.failed.network': 'Не удалось связаться с магазином, чтобы записать платёж. Если кошелёк его отправил, он в безопасности: магазин сам найдёт его в сети. Попробуйте снова, чтобы проверить сейчас.',
  'payment.failed.server': 'У магазина возникла проблема при записи платежа. Если кошелёк его отправил, он в безопасности: магазин сам найдёт его в сети. Попробуйте ещё раз чуть позже.',
  'payment.failed.notPayable': 'Этот заказ больше нельзя оплатить: резерв истёк или заказ уже оплачен.',
  'payment.failed.rejected': '{message}',
  'payment.retry': 'Повторить',
  // Filled into "… принимает платежи в {network}", hence the prepositional case.
  'payment.network.mainnet': 'основной сети (mainnet)',
  'payment.network.testnet': 'тестовой сети (testnet)',
  'payment.network.local': 'локальной цепочке для разработки (адреса testnet)',
} satisfies Translation<OrdersMessageKey>;
