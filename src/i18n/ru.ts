import type { MessageKey } from './en';
import type { Translation } from './types';

// Russian. Plural entries carry every form Russian uses: one (1, 21), few (2–4, 22), many (5–20, 25)
// and other (fractions).
export const ru = {
  'app.name': 'Bazaar',
  'app.devBanner': 'Режим разработки: у сервера нет токена бота, и он входит от имени демо-покупателя.',
  'nav.back': 'Назад',
  'nav.cart': 'Корзина',
  'nav.cartWithCount': {
    one: 'Корзина, {count} товар',
    few: 'Корзина, {count} товара',
    many: 'Корзина, {count} товаров',
    other: 'Корзина, {count} товара',
  },
  'nav.orders': 'Мои заказы',
  'nav.admin': 'Управление магазином',
  'nav.signIn': 'Войти',
  'nav.account': 'Мой аккаунт',
  'nav.skip': 'Перейти к содержимому',
  'nav.home': 'Вернуться в каталог',
  'nav.language': 'Язык',

  'catalog.searchLabel': 'Поиск товаров',
  'catalog.searchPlaceholder': 'Поиск',
  'catalog.categories': 'Категории',
  'catalog.all': 'Все',
  'catalog.emptyTitle': 'Полки пусты',
  'catalog.emptyBody': 'Сейчас ничего не продаётся. Загляните позже.',
  'catalog.noResultsTitle': 'Ничего не найдено',
  'catalog.noResultsBody': 'По запросу «{query}» товаров нет.',
  'catalog.noResultsInCategory': 'В этой категории пока нет товаров.',
  'catalog.clearSearch': 'Очистить поиск',
  'catalog.showAll': 'Показать все товары',

  'product.add': 'Добавить',
  'product.addToCart': 'В корзину',
  'product.addNamed': 'Добавить в корзину: {title}',
  'product.outOfStock': 'Нет в наличии',
  'product.wasPrice': 'Было {price}',
  'product.imageAlt': '{title}',

  'cart.increase': 'Ещё один: {title}',
  'cart.decrease': 'На один меньше: {title}',
  'cart.remove': 'Удалить: {title}',

  'error.title': 'Что-то пошло не так',
  'error.network': 'Не удалось связаться с магазином. Проверьте подключение и попробуйте снова.',
  'error.server': 'У магазина возникла проблема. Попробуйте ещё раз чуть позже.',
  'error.retry': 'Повторить',
  'error.sessionExpiredTitle': 'Сеанс истёк',
  'error.sessionExpired': 'Закройте магазин и снова откройте его из Telegram, чтобы продолжить.',
  'error.sessionMissing': 'Откройте магазин из Telegram, чтобы видеть свои заказы и оформлять покупки.',
  'error.reopen': 'Закрыть и открыть снова',
  'error.reload': 'Перезагрузить магазин',
  'error.notFoundTitle': 'Не найдено',
  'error.pageNotFound': 'По этому адресу ничего нет.',
} satisfies Translation<MessageKey>;
