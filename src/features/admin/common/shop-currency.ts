// The shop's pricing currency, as the admin product list names it (`pricingCurrency`, GET
// /api/admin/products): what every price the merchant types counts. An older server does not name it: TON.
import { useResource } from '../../../platform/use-resource';
import type { MoneyCurrency } from '../../../domain/format-money';
import { useAdminApi } from './admin-api';
import { adminKeys } from './admin-resources';
import type { ProductsAndCategories } from './admin-types';

/** The pricing currency of a products answer; TON when it names none. */
export const pricingCurrencyOf = (data: Pick<ProductsAndCategories, 'pricingCurrency'> | undefined): MoneyCurrency => data?.pricingCurrency ?? 'TON';

/**
 * The shop's pricing currency for screens other than the products' (promo codes, delivery): read from the
 * same cached answer; undefined until it has arrived, so a form does not start in the wrong currency.
 */
export function useShopCurrency(): MoneyCurrency | undefined {
  const api = useAdminApi();
  const products = useResource<ProductsAndCategories>(adminKeys.products, () => api.get('/api/admin/products'), { staleMs: 10_000 });
  if (products.data === undefined) return products.error !== undefined ? 'TON' : undefined;
  return pricingCurrencyOf(products.data);
}

/** A product priced in another currency than the shop's is not on sale until it gets a price in the shop's. */
export const pricedInOtherCurrency = (product: { currency?: MoneyCurrency }, shop: MoneyCurrency): boolean => (product.currency ?? 'TON') !== shop;
