import type { CheckoutMessageKey } from './en-checkout';
import type { Translation } from './types';

// Russian messages of the options and the checkout (see en-checkout.ts for why they live apart).
export const ruCheckout = {
  'options.choose': 'Выберите: {options}',
  'options.chooseFirst': 'Сначала выберите параметры',
  'options.soldOut': 'нет в наличии',
  'options.unavailable': 'такого сочетания нет',
  'cart.chooseOptions': 'У товара теперь есть варианты: откройте его и выберите.',
} satisfies Translation<CheckoutMessageKey>;
