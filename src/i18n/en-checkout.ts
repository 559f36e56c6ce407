// English messages of the product options, the checkout form and the order's delivery breakdown. Like
// en-orders.ts they live apart from en.ts: only lazily loaded screens use them (budget: bench/bundle-size.mjs).
export const enCheckout = {
  'options.choose': 'Choose: {options}',
  'options.chooseFirst': 'Choose the options first',
  'options.soldOut': 'sold out',
  'options.unavailable': 'not sold in this combination',
  'cart.chooseOptions': 'This product now comes in options: open it and choose.',
} as const;

export type CheckoutMessageKey = keyof typeof enCheckout;
