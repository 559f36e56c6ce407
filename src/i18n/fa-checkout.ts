import type { CheckoutMessageKey } from './en-checkout';
import type { Translation } from './types';

// Persian messages of the options and the checkout (see en-checkout.ts for why they live apart).
export const faCheckout = {
  'options.choose': 'انتخاب کنید: {options}',
  'options.chooseFirst': 'اول گزینه‌ها را انتخاب کنید',
  'options.soldOut': 'ناموجود',
  'options.unavailable': 'این ترکیب فروخته نمی‌شود',
  'cart.chooseOptions': 'این کالا اکنون گزینه دارد: آن را باز کنید و انتخاب کنید.',
} satisfies Translation<CheckoutMessageKey>;
