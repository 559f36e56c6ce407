import type { MessageKey } from './en';
import type { Translation } from './types';

// Persian, in Persian script (Persian ی and ک, zero-width non-joiners in compounds like «سفارش‌ها»).
// Numbers are never written here: t() puts them in Persian digits. Persian plurals have one and other.
export const fa = {
  'app.name': 'Bazaar',
  'app.devBanner': 'حالت توسعه: سرور توکن ربات ندارد و شما را به‌عنوان مشتری نمایشی وارد می‌کند.',
  'nav.back': 'بازگشت',
  'nav.cart': 'سبد خرید',
  'nav.cartWithCount': { one: 'سبد خرید، {count} کالا', other: 'سبد خرید، {count} کالا' },
  'nav.orders': 'سفارش‌های من',
  'nav.admin': 'مدیریت فروشگاه',
  'nav.signIn': 'ورود',
  'nav.account': 'حساب من',
  'nav.skip': 'رفتن به محتوای اصلی',
  'nav.home': 'بازگشت به فهرست محصولات',
  'nav.language': 'زبان',

  'catalog.searchLabel': 'جست‌وجوی محصولات',
  'catalog.searchPlaceholder': 'جست‌وجو',
  'catalog.categories': 'دسته‌بندی‌ها',
  'catalog.all': 'همه',
  'catalog.emptyTitle': 'قفسه‌ها خالی است',
  'catalog.emptyBody': 'فعلاً چیزی برای فروش نیست. به‌زودی دوباره سر بزنید.',
  'catalog.noResultsTitle': 'چیزی پیدا نشد',
  'catalog.noResultsBody': 'هیچ محصولی با «{query}» پیدا نشد.',
  'catalog.noResultsInCategory': 'هنوز محصولی در این دسته نیست.',
  'catalog.clearSearch': 'پاک کردن جست‌وجو',
  'catalog.showAll': 'نمایش همهٔ محصولات',

  'product.add': 'افزودن',
  'product.addToCart': 'افزودن به سبد',
  'product.addNamed': 'افزودن {title} به سبد',
  'product.outOfStock': 'ناموجود',
  'product.wasPrice': 'قیمت قبلی {price}',
  'product.imageAlt': '{title}',

  'cart.increase': 'یک عدد بیشتر از {title}',
  'cart.decrease': 'یک عدد کمتر از {title}',
  'cart.remove': 'حذف {title}',

  'error.title': 'مشکلی پیش آمد',
  'error.network': 'نتوانستیم به فروشگاه وصل شویم. اتصال خود را بررسی کنید و دوباره تلاش کنید.',
  'error.server': 'فروشگاه با مشکلی روبه‌رو شد. چند لحظهٔ دیگر دوباره تلاش کنید.',
  'error.retry': 'تلاش دوباره',
  'error.sessionExpiredTitle': 'نشست شما منقضی شده است',
  'error.sessionExpired': 'برای ادامه، فروشگاه را ببندید و دوباره از تلگرام باز کنید.',
  'error.sessionMissing': 'برای دیدن سفارش‌ها و ثبت خرید، فروشگاه را از تلگرام باز کنید.',
  'error.reopen': 'بستن و باز کردن دوباره',
  'error.reload': 'بارگیری دوبارهٔ فروشگاه',
  'error.notFoundTitle': 'پیدا نشد',
  'error.pageNotFound': 'در این نشانی صفحه‌ای وجود ندارد.',
} satisfies Translation<MessageKey>;
