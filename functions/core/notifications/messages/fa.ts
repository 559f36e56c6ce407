import { isolateLtr, type Messages } from './messages';

// Persian is right-to-left; order codes, amounts and addresses are isolated as left-to-right runs so the
// client's bidi algorithm does not reorder their characters.
export const fa: Messages = {
  direction: 'rtl',
  isolate: isolateLtr,
  status: {
    pending: 'در انتظار پرداخت',
    confirming: 'در حال تأیید پرداخت',
    paid: 'پرداخت‌شده',
    shipped: 'ارسال‌شده',
    ready_for_pickup: 'آماده تحویل',
    completed: 'تکمیل‌شده',
    expired: 'منقضی‌شده',
    cancelled: 'لغوشده',
  },
  total: 'جمع کل',
  moreItems: (count) => `…و ${count} مورد دیگر`,
  openOrderButton: 'باز کردن سفارش',

  paidTitle: (code) => `✅ <b>سفارش ${code} پرداخت شد.</b> سپاسگزاریم!`,
  paidNext: 'وقتی سفارش ارسال شد یا آماده تحویل بود، همین‌جا به شما خبر می‌دهیم.',
  statusShipped: (code) => `📦 <b>سفارش ${code} ارسال شد.</b>`,
  statusReadyForPickup: (code) => `🏬 <b>سفارش ${code} آماده تحویل است.</b>`,
  statusCancelled: (code) => `❌ <b>سفارش ${code} لغو شد.</b> اگر پرداخت کرده‌اید، فروشگاه برای بازگرداندن وجه با شما تماس می‌گیرد.`,
  statusCompleted: (code) => `🎉 <b>سفارش ${code} تکمیل شد.</b> از خرید شما سپاسگزاریم!`,
  statusOther: (code, status) => `ℹ️ سفارش ${code}: <b>${status}</b>.`,
  expiringTitle: (code, minutes) => `⏳ <b>سفارش ${code} هنوز در انتظار پرداخت است.</b> حدود ${minutes} دقیقه دیگر لغو می‌شود.`,
  expiringBody: 'همین حالا پرداخت کنید تا کالاها برای شما رزرو بمانند.',
  payButton: 'پرداخت',

  merchantNewOrder: (code) => `🛒 <b>سفارش پرداخت‌شده جدید ${code}</b>`,
  merchantCustomer: 'مشتری',
  merchantOpenButton: 'باز کردن در پنل مدیریت',

  botWelcome: (shop) => `👋 به <b>${shop}</b> خوش آمدید! برای باز کردن فروشگاه دکمه زیر را بزنید.`,
  botNoMiniApp: 'فروشگاه هنوز از داخل تلگرام باز نمی‌شود: صاحب فروشگاه راه‌اندازی را تمام نکرده است.',
  botOpenShopButton: '🛍 باز کردن فروشگاه',
  botProduct: (title) => `این <b>${title}</b> است. برای دیدن آن در فروشگاه دکمه را بزنید.`,
  botOpenProductButton: '🛍 دیدن کالا',
  botProductMissing: 'این کالا دیگر موجود نیست، اما بقیه فروشگاه در دسترس است.',
  botWebAddress: (url) => `🌐 فروشگاه در وب هم هست: ${isolateLtr(url)}\nاین نشانی را نگه دارید: در هر مرورگری، حتی بدون تلگرام، باز می‌شود.`,
  botNoWebAddress: 'فروشگاه هنوز نشانی وب ندارد.',
  botOrdersTitle: '🧾 <b>سفارش‌های اخیر شما</b>',
  botOrdersEmpty: 'هنوز سفارشی ندارید. برای ثبت سفارش فروشگاه را باز کنید.',
  botOrdersMore: 'سفارش‌های قدیمی‌تر در فروشگاه، بخش «سفارش‌های من»، هستند.',
  botMyOrdersButton: '🧾 سفارش‌های من',
  botHelp: (shop) =>
    [
      `<b>${shop}</b> — کارهایی که می‌توانم انجام دهم:`,
      '/start — باز کردن فروشگاه',
      '/orders — سفارش‌های اخیر شما و وضعیت آن‌ها',
      '/web — نشانی وب فروشگاه',
      '/help — همین پیام',
      '',
      'وقتی سفارشی پرداخت، ارسال یا آماده تحویل شود، همین‌جا پیام می‌گیرید.',
    ].join('\n'),
  botUnknown: 'ببخشید، این فرمان را نمی‌شناسم. برای دیدن کارهایی که می‌توانم انجام دهم /help را بفرستید.',
};
