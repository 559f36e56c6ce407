import type { CheckoutMessageKey } from './en-checkout';
import type { Translation } from './types';

// Russian messages of the options and the checkout (see en-checkout.ts for why they live apart).
export const ruCheckout = {
  'options.choose': 'Выберите: {options}',
  'options.chooseFirst': 'Сначала выберите параметры',
  'options.soldOut': 'нет в наличии',
  'options.unavailable': 'такого сочетания нет',
  'cart.chooseOptions': 'У товара теперь есть варианты: откройте его и выберите.',

  'form.title': 'Оформление заказа',
  'form.loading': 'Загружаем оформление…',
  'form.emptyTitle': 'Нечего оформлять',
  'form.emptyBody': 'Ваша корзина пуста.',
  'form.fixFields': 'Проверьте отмеченные поля.',
  'form.place': 'Оформить · {total}',
  'form.placeNoTotal': 'Оформить заказ',

  'delivery.title': 'Доставка',
  'delivery.kind.shipping': 'Почта',
  'delivery.kind.courier': 'Курьер',
  'delivery.kind.pickup': 'Самовывоз',
  'delivery.kind.none': 'Без доставки',
  'delivery.noneHint': 'Для этого способа ничего заполнять не нужно.',
  'delivery.free': 'Бесплатно',
  'delivery.feeFrom': 'от {fee}',

  'address.saved': 'Сохранённые адреса',
  'address.recipientName': 'Имя получателя',
  'address.phone': 'Телефон',
  'address.country': 'Страна',
  'address.countryChoose': 'Выберите страну',
  'address.region': 'Регион или область',
  'address.city': 'Город',
  'address.line1': 'Улица и дом',
  'address.line2': 'Квартира, этаж (необязательно)',
  'address.postalCode': 'Индекс',
  'address.area': 'Район',
  'address.save': 'Сохранить адрес на следующий раз',

  'phone.share': 'Взять мой номер из Telegram',
  'phone.waiting': 'Ждём ваш номер от Telegram…',
  'phone.notShared': 'Номер не передан. Можно ввести его вручную.',
  'phone.late': 'Номер ещё не пришёл. Можно ввести его вручную.',
  'phone.hint': 'С кодом страны, например {example}',

  'pickup.point': 'Пункт выдачи',
  'pickup.hours': 'Часы работы: {hours}',
  'pickup.map': 'Карта',

  'promo.label': 'Промокод',
  'promo.apply': 'Применить',
  'promo.remove': 'Убрать',
  'promo.applied': 'Промокод {code} применён',
  'promo.reason.PROMO_NOT_FOUND': 'Такого промокода нет. Проверьте написание.',
  'promo.reason.PROMO_INACTIVE': 'Этот промокод отключён.',
  'promo.reason.PROMO_NOT_STARTED': 'Этот промокод ещё не действует.',
  'promo.reason.PROMO_EXPIRED': 'Срок действия промокода истёк.',
  'promo.reason.PROMO_MINIMUM_NOT_MET': 'Промокод действует для заказа от {amount}.',
  'promo.reason.PROMO_USED_UP': 'Промокод больше недоступен: все использования исчерпаны.',
  'promo.reason.PROMO_ALREADY_USED': 'Вы уже использовали этот промокод.',
  'promo.reason.PROMO_NOT_FOR_THESE_ITEMS': 'Промокод не действует на товары в корзине.',

  'note.label': 'Комментарий для магазина (необязательно)',
  'note.placeholder': 'Позвонить дважды, подарочная упаковка…',

  'field.error.required': 'Заполните это поле.',
  'field.error.too_long': 'Слишком длинно.',
  'field.error.invalid': 'Проверьте значение.',
  'field.error.phone_invalid': 'По этому номеру не дозвониться. Добавьте код страны.',
  'field.error.not_delivered_here': 'Туда мы не доставляем.',
  'field.error.unknown_choice': 'Выберите один из предложенных вариантов.',

  'summary.title': 'Итого',
  'summary.subtotal': 'Товары',
  'summary.delivery': 'Доставка',
  'summary.discount': 'Скидка',
  'summary.total': 'Итого',
  'summary.pending': 'Заполните данные доставки, чтобы увидеть сумму.',
  'summary.failed': 'Не удалось посчитать сумму.',
  'summary.retry': 'Повторить',

} satisfies Translation<CheckoutMessageKey>;
