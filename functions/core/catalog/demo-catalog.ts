import { formatMoneyInLocale } from '../../../contract/format-money';
import type { PricingCurrency } from '../pricing/currencies';
import type { ProductKind } from './catalog';
import { demoAmountIn, usd, type DemoAmount } from './demo-prices';
import type { ProductOption } from './variants';

/**
 * The demo shop seeded on first start, so `npm start` opens a believable storefront with no setup and
 * no network: six categories, thirty products (some discounted, some nearly sold out, one sold out, one
 * withdrawn from sale). Each price is written in TON (nanotons as TON × 10^9, integer arithmetic) and in
 * US dollars, from which the other currencies' demo prices are made (demo-prices.ts): demoCatalogIn.
 */
export interface DemoCategory {
  id: string;
  slug: string;
  title: string;
  icon: DemoIcon;
}

export type DemoIcon = 'cup' | 'leaf' | 'bun' | 'shirt' | 'bag' | 'gift';

export interface DemoProduct {
  slug: string;
  title: string;
  description: string;
  categoryId: string;
  /** `{price}` in a title is the product's price, written out (a gift card's face value). */
  price: DemoAmount;
  compareAtPrice?: DemoAmount;
  /** Without options: the one variant's stock. With options: ignored, see `variants`. */
  stock: number;
  active?: boolean;
  kind?: ProductKind;
  options?: ProductOption[];
  /** The combinations sold (a combination left out is not sold); stock, and a price when it differs. */
  variants?: { values: string[]; stock: number; price?: DemoAmount; sku?: string }[];
}

/** A demo product priced in one currency: what the seed writes. */
export interface PricedDemoProduct extends Omit<DemoProduct, 'price' | 'compareAtPrice' | 'variants'> {
  priceMinor: bigint;
  compareAtPriceMinor: bigint | null;
  variants?: { values: string[]; stock: number; priceMinor: bigint | null; sku?: string }[];
}

/** `ton(1, 500)` is 1.5 TON: whole TON plus thousandths, as nanotons, without floating point. */
export function ton(whole: number, thousandths = 0): bigint {
  return BigInt(whole) * 1_000_000_000n + BigInt(thousandths) * 1_000_000n;
}

export const DEMO_CATEGORIES: readonly DemoCategory[] = [
  { id: 'coffee', slug: 'coffee', title: 'Coffee', icon: 'cup' },
  { id: 'tea', slug: 'tea', title: 'Tea', icon: 'leaf' },
  { id: 'bakery', slug: 'bakery', title: 'Bakery', icon: 'bun' },
  { id: 'apparel', slug: 'apparel', title: 'Apparel', icon: 'shirt' },
  { id: 'gear', slug: 'gear', title: 'Gear', icon: 'bag' },
  { id: 'gifts', slug: 'gifts', title: 'Gifts', icon: 'gift' },
];

// One product per line: a table the eye can scan, which Prettier would unfold.
// prettier-ignore
export const DEMO_PRODUCTS: readonly DemoProduct[] = [
  { slug: 'espresso-beans', title: 'Espresso beans, 250 g', description: 'Dark roast from Minas Gerais: cocoa, molasses, a long finish. Whole bean.', categoryId: 'coffee', price: { ton: ton(4, 500), usdCents: usd(14) }, stock: 40 },
  { slug: 'filter-blend', title: 'Filter blend, 250 g', description: 'Washed Ethiopian and Kenyan lots for pour-over: bergamot and blackcurrant.', categoryId: 'coffee', price: { ton: ton(5, 200), usdCents: usd(16) }, compareAtPrice: { ton: ton(6), usdCents: usd(18) }, stock: 25 },
  { slug: 'cold-brew-bottle', title: 'Cold brew, 1 l', description: 'Steeped for eighteen hours, bottled on the day. Keep it cold.', categoryId: 'coffee', price: { ton: ton(3, 900), usdCents: usd(9) }, stock: 12 },
  { slug: 'decaf-colombia', title: 'Decaf Colombia, 250 g', description: 'Sugar-cane decaffeinated; caramel and red apple, no late-night regrets.', categoryId: 'coffee', price: { ton: ton(4, 800), usdCents: usd(15) }, stock: 18, options: [{ name: 'Grind', values: ['Whole bean', 'Espresso', 'Filter', 'French press'] }], variants: [{ values: ['Whole bean'], stock: 8, sku: 'DECAF-WB' }, { values: ['Espresso'], stock: 4, sku: 'DECAF-ES' }, { values: ['Filter'], stock: 6, sku: 'DECAF-FI' }, { values: ['French press'], stock: 0, sku: 'DECAF-FP' }] },
  { slug: 'drip-bags', title: 'Drip bags, box of 10', description: 'Single-serve filters for the office or the road. Just add hot water.', categoryId: 'coffee', price: { ton: ton(2, 750), usdCents: usd(8, 50) }, stock: 60 },
  { slug: 'green-sencha', title: 'Sencha, 100 g', description: 'First-flush Japanese green tea, steamed and rolled. Brew at 75 °C.', categoryId: 'tea', price: { ton: ton(3, 400), usdCents: usd(11) }, stock: 30 },
  { slug: 'masala-chai', title: 'Masala chai, 150 g', description: 'Assam with cardamom, ginger, cinnamon and clove. Simmer it in milk.', categoryId: 'tea', price: { ton: ton(2, 900), usdCents: usd(9) }, stock: 22 },
  { slug: 'earl-grey', title: 'Earl Grey, 100 g', description: 'Ceylon black tea with cold-pressed bergamot oil.', categoryId: 'tea', price: { ton: ton(2, 600), usdCents: usd(8) }, compareAtPrice: { ton: ton(3, 200), usdCents: usd(10) }, stock: 3 },
  { slug: 'mint-infusion', title: 'Moroccan mint, 80 g', description: 'Gunpowder green tea and spearmint, as served in Marrakesh.', categoryId: 'tea', price: { ton: ton(2, 200), usdCents: usd(7) }, stock: 35 },
  { slug: 'oolong-tieguanyin', title: 'Tieguanyin oolong, 50 g', description: 'Lightly oxidised, orchid-sweet, good for five infusions.', categoryId: 'tea', price: { ton: ton(6, 300), usdCents: usd(19) }, stock: 8 },
  { slug: 'butter-croissant', title: 'Butter croissant', description: 'Laminated over three days. Baked every morning at seven.', categoryId: 'bakery', price: { ton: ton(0, 900), usdCents: usd(3, 50) }, stock: 50 },
  { slug: 'cardamom-bun', title: 'Cardamom bun', description: 'A Swedish kardemummabulle, knotted by hand.', categoryId: 'bakery', price: { ton: ton(1, 100), usdCents: usd(4) }, stock: 2 },
  { slug: 'sourdough-loaf', title: 'Sourdough loaf', description: 'Country loaf, 36-hour ferment, a crust that sings.', categoryId: 'bakery', price: { ton: ton(2, 400), usdCents: usd(7, 50) }, stock: 14 },
  { slug: 'baklava-box', title: 'Baklava, box of 12', description: 'Pistachio and walnut, layered filo, orange-blossom syrup.', categoryId: 'bakery', price: { ton: ton(5, 500), usdCents: usd(18) }, stock: 10 },
  { slug: 'almond-biscotti', title: 'Almond biscotti, 200 g', description: 'Twice-baked, for dunking.', categoryId: 'bakery', price: { ton: ton(1, 800), usdCents: usd(6) }, stock: 0 },
  { slug: 'logo-tee', title: 'Logo T-shirt', description: 'Heavy organic cotton, screen-printed. Sizes S to XXL.', categoryId: 'apparel', price: { ton: ton(12), usdCents: usd(32) }, stock: 20, options: [{ name: 'Size', values: ['S', 'M', 'L', 'XL', 'XXL'] }, { name: 'Colour', values: ['Black', 'Sand'] }], variants: [{ values: ['S', 'Black'], stock: 3, sku: 'TEE-S-BLK' }, { values: ['M', 'Black'], stock: 6, sku: 'TEE-M-BLK' }, { values: ['M', 'Sand'], stock: 4, sku: 'TEE-M-SND' }, { values: ['L', 'Black'], stock: 5, sku: 'TEE-L-BLK' }, { values: ['L', 'Sand'], stock: 0, sku: 'TEE-L-SND' }, { values: ['XL', 'Black'], stock: 2, sku: 'TEE-XL-BLK' }, { values: ['XXL', 'Black'], stock: 1, sku: 'TEE-XXL-BLK', price: { ton: ton(13), usdCents: usd(35) } }] },
  { slug: 'barista-apron', title: 'Barista apron', description: 'Waxed canvas with leather straps and a pocket for a thermometer.', categoryId: 'apparel', price: { ton: ton(18, 500), usdCents: usd(49) }, compareAtPrice: { ton: ton(22), usdCents: usd(59) }, stock: 6, options: [{ name: 'Colour', values: ['Tobacco', 'Charcoal'] }], variants: [{ values: ['Tobacco'], stock: 4, sku: 'APRON-TOB' }, { values: ['Charcoal'], stock: 2, sku: 'APRON-CHA' }] },
  { slug: 'beanie', title: 'Knit beanie', description: 'Merino wool, one size, warm enough for a Tallinn winter.', categoryId: 'apparel', price: { ton: ton(9), usdCents: usd(24) }, stock: 15 },
  { slug: 'socks-pair', title: 'Coffee-bean socks', description: 'A pair of cotton socks with a bean pattern. Unisex.', categoryId: 'apparel', price: { ton: ton(3, 500), usdCents: usd(9, 50) }, stock: 40 },
  { slug: 'hoodie', title: 'Zip hoodie', description: 'Brushed fleece, embroidered logo, deep pockets.', categoryId: 'apparel', price: { ton: ton(25), usdCents: usd(65) }, stock: 9 },
  { slug: 'pour-over-dripper', title: 'Pour-over dripper', description: 'Ceramic cone, fits most mugs. Filters not included.', categoryId: 'gear', price: { ton: ton(8, 500), usdCents: usd(24) }, stock: 11 },
  { slug: 'hand-grinder', title: 'Hand grinder', description: 'Steel conical burrs, 40 click settings, folds into a bag.', categoryId: 'gear', price: { ton: ton(24), usdCents: usd(69) }, compareAtPrice: { ton: ton(29), usdCents: usd(79) }, stock: 5 },
  { slug: 'travel-mug', title: 'Travel mug, 350 ml', description: 'Double-walled steel; keeps coffee hot for four hours.', categoryId: 'gear', price: { ton: ton(7, 200), usdCents: usd(22) }, stock: 30 },
  { slug: 'gooseneck-kettle', title: 'Gooseneck kettle', description: 'Precise pour for filter coffee, 0.8 l, works on induction.', categoryId: 'gear', price: { ton: ton(19, 900), usdCents: usd(55) }, stock: 7 },
  { slug: 'digital-scale', title: 'Coffee scale', description: 'Weighs to 0.1 g with a built-in timer.', categoryId: 'gear', price: { ton: ton(11), usdCents: usd(32) }, stock: 1 },
  { slug: 'gift-card-10', title: 'Gift card, {price}', description: 'Delivered as a code in the chat. Never expires.', categoryId: 'gifts', price: { ton: ton(10), usdCents: usd(25) }, stock: 999, kind: 'digital' },
  { slug: 'gift-card-25', title: 'Gift card, {price}', description: 'Delivered as a code in the chat. Never expires.', categoryId: 'gifts', price: { ton: ton(25), usdCents: usd(50) }, stock: 999, kind: 'digital' },
  { slug: 'tasting-box', title: 'Tasting box', description: 'Four 100 g coffees from four continents, with tasting notes.', categoryId: 'gifts', price: { ton: ton(14), usdCents: usd(39) }, compareAtPrice: { ton: ton(16), usdCents: usd(45) }, stock: 12 },
  { slug: 'tea-sampler', title: 'Tea sampler', description: 'Six teas in tins, from sencha to chai.', categoryId: 'gifts', price: { ton: ton(11, 500), usdCents: usd(34) }, stock: 10 },
  { slug: 'subscription-month', title: 'Coffee of the month', description: 'A new 250 g bag each month, chosen by our roaster. Seasonal.', categoryId: 'gifts', price: { ton: ton(13), usdCents: usd(36) }, stock: 0, active: false },
];

/** The demo catalog priced in `currency`: the TON shop's as it always was, any other from the dollar prices. */
export function demoCatalogIn(currency: PricingCurrency): PricedDemoProduct[] {
  return DEMO_PRODUCTS.map(({ price, compareAtPrice, variants, ...product }) => {
    const priceMinor = demoAmountIn(price, currency);
    return {
      ...product,
      title: product.title.replace('{price}', formatMoneyInLocale(priceMinor.toString(), currency, 'en')),
      priceMinor,
      compareAtPriceMinor: compareAtPrice ? demoAmountIn(compareAtPrice, currency) : null,
      ...(variants && { variants: variants.map(({ price: own, ...variant }) => ({ ...variant, priceMinor: own ? demoAmountIn(own, currency) : null })) }),
    };
  });
}
