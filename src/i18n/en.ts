import type { Catalog } from './types';

// English catalog of the first screen (catalog, header, errors): the source of truth for its keys; the
// later screens' messages are in en-orders.ts. `{name}` placeholders are filled by t(); plural entries
// pick a form with Intl.PluralRules.
export const en = {
  'app.name': 'Bazaar',
  'app.devBanner': 'Dev mode: the server has no bot token and signs you in as a demo customer.',
  'nav.back': 'Back',
  'nav.cart': 'Cart',
  'nav.cartWithCount': { one: 'Cart, {count} item', other: 'Cart, {count} items' },
  'nav.orders': 'My orders',
  'nav.admin': 'Manage shop',
  'nav.signIn': 'Sign in',
  'nav.account': 'My account',
  'nav.skip': 'Skip to content',
  'nav.home': 'Back to the catalog',
  'nav.language': 'Language',

  'catalog.searchLabel': 'Search products',
  'catalog.searchPlaceholder': 'Search',
  'catalog.categories': 'Categories',
  'catalog.all': 'All',
  'catalog.emptyTitle': 'The shelves are empty',
  'catalog.emptyBody': 'There is nothing for sale right now. Check back soon.',
  'catalog.noResultsTitle': 'Nothing found',
  'catalog.noResultsBody': 'No products match “{query}”.',
  'catalog.noResultsInCategory': 'No products in this category yet.',
  'catalog.clearSearch': 'Clear search',
  'catalog.showAll': 'Show all products',

  'product.add': 'Add',
  'product.addToCart': 'Add to cart',
  'product.addNamed': 'Add {title} to cart',
  'product.outOfStock': 'Out of stock',
  'product.wasPrice': 'Was {price}',
  'product.imageAlt': '{title}',

  'cart.increase': 'One more {title}',
  'cart.decrease': 'One fewer {title}',
  'cart.remove': 'Remove {title}',

  'error.title': 'Something went wrong',
  'error.network': 'We couldn’t reach the shop. Check your connection and try again.',
  'error.server': 'The shop had a problem on its side. Try again in a moment.',
  'error.retry': 'Try again',
  'error.sessionExpiredTitle': 'Your session has expired',
  'error.sessionExpired': 'Close the shop and open it again from Telegram to continue.',
  'error.sessionMissing': 'Open the shop from Telegram to see your orders and check out.',
  'error.reopen': 'Close and reopen',
  'error.reload': 'Reload the shop',
  'error.notFoundTitle': 'Not found',
  'error.pageNotFound': 'There is no page at this address.',
} satisfies Catalog;

export type MessageKey = keyof typeof en;
