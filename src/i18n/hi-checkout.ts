import type { CheckoutMessageKey } from './en-checkout';
import type { Translation } from './types';

// Hindi messages of the options and the checkout (see en-checkout.ts for why they live apart).
export const hiCheckout = {
  'options.choose': 'चुनें: {options}',
  'options.chooseFirst': 'पहले विकल्प चुनें',
  'options.soldOut': 'स्टॉक में नहीं',
  'options.unavailable': 'यह संयोजन उपलब्ध नहीं',
  'cart.chooseOptions': 'इस उत्पाद में अब विकल्प हैं: इसे खोलकर चुनें।',
} satisfies Translation<CheckoutMessageKey>;
