// English messages of the product options, the checkout form and the order's delivery breakdown. Like
// en-orders.ts they live apart from en.ts: only lazily loaded screens use them (budget: bench/bundle-size.mjs).
export const enCheckout = {
  'options.choose': 'Choose: {options}',
  'options.chooseFirst': 'Choose the options first',
  'options.soldOut': 'sold out',
  'options.unavailable': 'not sold in this combination',
  'cart.chooseOptions': 'This product now comes in options: open it and choose.',

  'form.title': 'Checkout',
  'form.loading': 'Loading the checkout…',
  'form.emptyTitle': 'Nothing to check out',
  'form.emptyBody': 'Your cart is empty.',
  'form.fixFields': 'Check the marked fields.',
  'form.place': 'Place order · {total}',
  'form.placeNoTotal': 'Place order',

  'delivery.title': 'Delivery',
  'delivery.kind.shipping': 'Shipping',
  'delivery.kind.courier': 'Courier',
  'delivery.kind.pickup': 'Pickup',
  'delivery.kind.none': 'Nothing to deliver',
  'delivery.noneHint': 'Nothing to fill in for this method.',
  'delivery.free': 'Free',
  'delivery.feeFrom': 'from {fee}',

  'address.saved': 'Saved addresses',
  'address.recipientName': 'Recipient’s name',
  'address.phone': 'Phone',
  'address.country': 'Country',
  'address.countryChoose': 'Choose a country',
  'address.region': 'Region or province',
  'address.city': 'City',
  'address.line1': 'Street and house',
  'address.line2': 'Apartment, floor (optional)',
  'address.postalCode': 'Postal code',
  'address.area': 'District',
  'address.save': 'Save this address for next time',

  'phone.share': 'Use my Telegram number',
  'phone.waiting': 'Waiting for your number from Telegram…',
  'phone.notShared': 'The number was not shared. You can type it in.',
  'phone.late': 'Your number has not arrived yet. You can type it in.',
  'phone.hint': 'With the country code, e.g. {example}',

  'pickup.point': 'Pickup point',
  'pickup.hours': 'Open: {hours}',
  'pickup.map': 'Map',

  'promo.label': 'Promo code',
  'promo.apply': 'Apply',
  'promo.remove': 'Remove',
  'promo.applied': 'Code {code} applied',
  'promo.reason.PROMO_NOT_FOUND': 'There is no such code. Check the spelling.',
  'promo.reason.PROMO_INACTIVE': 'This code is switched off.',
  'promo.reason.PROMO_NOT_STARTED': 'This code is not valid yet.',
  'promo.reason.PROMO_EXPIRED': 'This code has expired.',
  'promo.reason.PROMO_MINIMUM_NOT_MET': 'This code needs an order of at least {amount}.',
  'promo.reason.PROMO_USED_UP': 'This code has been used up.',
  'promo.reason.PROMO_ALREADY_USED': 'You have already used this code.',
  'promo.reason.PROMO_NOT_FOR_THESE_ITEMS': 'This code does not apply to anything in your cart.',

  'note.label': 'Note for the shop (optional)',
  'note.placeholder': 'Ring twice, gift wrap…',

  'field.error.required': 'Fill this in.',
  'field.error.too_long': 'This is too long.',
  'field.error.invalid': 'Check this value.',
  'field.error.phone_invalid': 'This is not a phone number we can call. Add the country code.',
  'field.error.not_delivered_here': 'We do not deliver there.',
  'field.error.unknown_choice': 'Choose one of the offered options.',

  'summary.title': 'Total',
  'summary.subtotal': 'Items',
  'summary.delivery': 'Delivery',
  'summary.discount': 'Discount',
  'summary.total': 'Total',
  'summary.pending': 'Fill in the delivery details to see the total.',
  'summary.failed': 'The total could not be worked out.',
  'summary.retry': 'Try again',

} as const;

export type CheckoutMessageKey = keyof typeof enCheckout;
