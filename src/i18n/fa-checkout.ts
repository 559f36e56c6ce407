import type { CheckoutMessageKey } from './en-checkout';
import type { Translation } from './types';

// Persian messages of the options and the checkout (see en-checkout.ts for why they live apart).
export const faCheckout = {
  'options.choose': 'انتخاب کنید: {options}',
  'options.chooseFirst': 'اول گزینه‌ها را انتخاب کنید',
  'options.soldOut': 'ناموجود',
  'options.unavailable': 'این ترکیب فروخته نمی‌شود',
  'cart.chooseOptions': 'این کالا اکنون گزینه دارد: آن را باز کنید و انتخاب کنید.',

  'form.title': 'ثبت سفارش',
  'form.loading': 'در حال بارگیری ثبت سفارش…',
  'form.emptyTitle': 'چیزی برای ثبت نیست',
  'form.emptyBody': 'سبد خرید شما خالی است.',
  'form.fixFields': 'فیلدهای مشخص‌شده را بررسی کنید.',
  'form.place': 'ثبت سفارش · {total}',
  'form.placeNoTotal': 'ثبت سفارش',

  'delivery.title': 'ارسال',
  'delivery.kind.shipping': 'پست',
  'delivery.kind.courier': 'پیک',
  'delivery.kind.pickup': 'تحویل حضوری',
  'delivery.kind.none': 'بدون ارسال',
  'delivery.noneHint': 'برای این روش چیزی لازم نیست پر کنید.',
  'delivery.free': 'رایگان',
  'delivery.feeFrom': 'از {fee}',

  'address.saved': 'نشانی‌های ذخیره‌شده',
  'address.recipientName': 'نام گیرنده',
  'address.phone': 'تلفن',
  'address.country': 'کشور',
  'address.countryChoose': 'کشور را انتخاب کنید',
  'address.region': 'استان',
  'address.city': 'شهر',
  'address.line1': 'خیابان و پلاک',
  'address.line2': 'واحد، طبقه (اختیاری)',
  'address.postalCode': 'کد پستی',
  'address.area': 'محله',
  'address.save': 'این نشانی برای دفعهٔ بعد ذخیره شود',

  'phone.share': 'استفاده از شمارهٔ تلگرام من',
  'phone.waiting': 'در انتظار شمارهٔ شما از تلگرام…',
  'phone.notShared': 'شماره ارسال نشد. می‌توانید آن را وارد کنید.',
  'phone.late': 'شمارهٔ شما هنوز نرسیده است. می‌توانید آن را وارد کنید.',
  'phone.hint': 'با کد کشور، مثلاً {example}',

  'pickup.point': 'محل تحویل',
  'pickup.hours': 'ساعت کار: {hours}',
  'pickup.map': 'نقشه',

  'promo.label': 'کد تخفیف',
  'promo.apply': 'اعمال',
  'promo.remove': 'حذف',
  'promo.applied': 'کد {code} اعمال شد',
  'promo.reason.PROMO_NOT_FOUND': 'چنین کدی وجود ندارد. املای آن را بررسی کنید.',
  'promo.reason.PROMO_INACTIVE': 'این کد غیرفعال است.',
  'promo.reason.PROMO_NOT_STARTED': 'این کد هنوز معتبر نیست.',
  'promo.reason.PROMO_EXPIRED': 'مهلت این کد تمام شده است.',
  'promo.reason.PROMO_MINIMUM_NOT_MET': 'این کد برای سفارش‌های دست‌کم {amount} است.',
  'promo.reason.PROMO_USED_UP': 'ظرفیت استفاده از این کد تمام شده است.',
  'promo.reason.PROMO_ALREADY_USED': 'شما قبلاً از این کد استفاده کرده‌اید.',
  'promo.reason.PROMO_NOT_FOR_THESE_ITEMS': 'این کد شامل کالاهای سبد شما نمی‌شود.',

  'note.label': 'یادداشت برای فروشگاه (اختیاری)',
  'note.placeholder': 'دو بار زنگ بزنید، کادوپیچ…',

  'field.error.required': 'این فیلد را پر کنید.',
  'field.error.too_long': 'بیش از حد طولانی است.',
  'field.error.invalid': 'این مقدار را بررسی کنید.',
  'field.error.phone_invalid': 'این شماره قابل تماس نیست. کد کشور را اضافه کنید.',
  'field.error.not_delivered_here': 'به آنجا ارسال نداریم.',
  'field.error.unknown_choice': 'یکی از گزینه‌های موجود را انتخاب کنید.',

  'summary.title': 'جمع کل',
  'summary.subtotal': 'کالاها',
  'summary.delivery': 'ارسال',
  'summary.discount': 'تخفیف',
  'summary.total': 'جمع کل',
  'summary.pending': 'برای دیدن جمع کل، اطلاعات ارسال را پر کنید.',
  'summary.failed': 'جمع کل محاسبه نشد.',
  'summary.retry': 'تلاش دوباره',

} satisfies Translation<CheckoutMessageKey>;
