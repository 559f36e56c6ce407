import type { ProductKind } from './catalog';
import type { ProductOption } from './variants';

/**
 * The demo shop seeded on first start, so `npm start` opens a believable storefront with no setup and
 * no network: six categories, thirty products (some discounted, some nearly sold out, one sold out, one
 * withdrawn from sale). Prices are nanotons written as TON × 10^9 with integer arithmetic.
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
  priceMinor: bigint;
  compareAtPriceMinor?: bigint;
  /** Without options: the one variant's stock. With options: ignored, see `variants`. */
  stock: number;
  active?: boolean;
  kind?: ProductKind;
  options?: ProductOption[];
  /** The combinations sold (a combination left out is not sold); stock, and a price when it differs. */
  variants?: { values: string[]; stock: number; priceMinor?: bigint; sku?: string }[];
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
  { slug: 'espresso-beans', title: 'Espresso beans, 250 g', description: 'Dark roast from Minas Gerais: cocoa, molasses, a long finish. Whole bean.', categoryId: 'coffee', priceMinor: ton(4, 500), stock: 40 },
  { slug: 'filter-blend', title: 'Filter blend, 250 g', description: 'Washed Ethiopian and Kenyan lots for pour-over: bergamot and blackcurrant.', categoryId: 'coffee', priceMinor: ton(5, 200), compareAtPriceMinor: ton(6), stock: 25 },
  { slug: 'cold-brew-bottle', title: 'Cold brew, 1 l', description: 'Steeped for eighteen hours, bottled on the day. Keep it cold.', categoryId: 'coffee', priceMinor: ton(3, 900), stock: 12 },
  { slug: 'decaf-colombia', title: 'Decaf Colombia, 250 g', description: 'Sugar-cane decaffeinated; caramel and red apple, no late-night regrets.', categoryId: 'coffee', priceMinor: ton(4, 800), stock: 18, options: [{ name: 'Grind', values: ['Whole bean', 'Espresso', 'Filter', 'French press'] }], variants: [{ values: ['Whole bean'], stock: 8, sku: 'DECAF-WB' }, { values: ['Espresso'], stock: 4, sku: 'DECAF-ES' }, { values: ['Filter'], stock: 6, sku: 'DECAF-FI' }, { values: ['French press'], stock: 0, sku: 'DECAF-FP' }] },
  { slug: 'drip-bags', title: 'Drip bags, box of 10', description: 'Single-serve filters for the office or the road. Just add hot water.', categoryId: 'coffee', priceMinor: ton(2, 750), stock: 60 },
  { slug: 'green-sencha', title: 'Sencha, 100 g', description: 'First-flush Japanese green tea, steamed and rolled. Brew at 75 °C.', categoryId: 'tea', priceMinor: ton(3, 400), stock: 30 },
  { slug: 'masala-chai', title: 'Masala chai, 150 g', description: 'Assam with cardamom, ginger, cinnamon and clove. Simmer it in milk.', categoryId: 'tea', priceMinor: ton(2, 900), stock: 22 },
  { slug: 'earl-grey', title: 'Earl Grey, 100 g', description: 'Ceylon black tea with cold-pressed bergamot oil.', categoryId: 'tea', priceMinor: ton(2, 600), compareAtPriceMinor: ton(3, 200), stock: 3 },
  { slug: 'mint-infusion', title: 'Moroccan mint, 80 g', description: 'Gunpowder green tea and spearmint, as served in Marrakesh.', categoryId: 'tea', priceMinor: ton(2, 200), stock: 35 },
  { slug: 'oolong-tieguanyin', title: 'Tieguanyin oolong, 50 g', description: 'Lightly oxidised, orchid-sweet, good for five infusions.', categoryId: 'tea', priceMinor: ton(6, 300), stock: 8 },
  { slug: 'butter-croissant', title: 'Butter croissant', description: 'Laminated over three days. Baked every morning at seven.', categoryId: 'bakery', priceMinor: ton(0, 900), stock: 50 },
  { slug: 'cardamom-bun', title: 'Cardamom bun', description: 'A Swedish kardemummabulle, knotted by hand.', categoryId: 'bakery', priceMinor: ton(1, 100), stock: 2 },
  { slug: 'sourdough-loaf', title: 'Sourdough loaf', description: 'Country loaf, 36-hour ferment, a crust that sings.', categoryId: 'bakery', priceMinor: ton(2, 400), stock: 14 },
  { slug: 'baklava-box', title: 'Baklava, box of 12', description: 'Pistachio and walnut, layered filo, orange-blossom syrup.', categoryId: 'bakery', priceMinor: ton(5, 500), stock: 10 },
  { slug: 'almond-biscotti', title: 'Almond biscotti, 200 g', description: 'Twice-baked, for dunking.', categoryId: 'bakery', priceMinor: ton(1, 800), stock: 0 },
  { slug: 'logo-tee', title: 'Logo T-shirt', description: 'Heavy organic cotton, screen-printed. Sizes S to XXL.', categoryId: 'apparel', priceMinor: ton(12), stock: 20, options: [{ name: 'Size', values: ['S', 'M', 'L', 'XL', 'XXL'] }, { name: 'Colour', values: ['Black', 'Sand'] }], variants: [{ values: ['S', 'Black'], stock: 3, sku: 'TEE-S-BLK' }, { values: ['M', 'Black'], stock: 6, sku: 'TEE-M-BLK' }, { values: ['M', 'Sand'], stock: 4, sku: 'TEE-M-SND' }, { values: ['L', 'Black'], stock: 5, sku: 'TEE-L-BLK' }, { values: ['L', 'Sand'], stock: 0, sku: 'TEE-L-SND' }, { values: ['XL', 'Black'], stock: 2, sku: 'TEE-XL-BLK' }, { values: ['XXL', 'Black'], stock: 1, sku: 'TEE-XXL-BLK', priceMinor: ton(13) }] },
  { slug: 'barista-apron', title: 'Barista apron', description: 'Waxed canvas with leather straps and a pocket for a thermometer.', categoryId: 'apparel', priceMinor: ton(18, 500), compareAtPriceMinor: ton(22), stock: 6, options: [{ name: 'Colour', values: ['Tobacco', 'Charcoal'] }], variants: [{ values: ['Tobacco'], stock: 4, sku: 'APRON-TOB' }, { values: ['Charcoal'], stock: 2, sku: 'APRON-CHA' }] },
  { slug: 'beanie', title: 'Knit beanie', description: 'Merino wool, one size, warm enough for a Tallinn winter.', categoryId: 'apparel', priceMinor: ton(9), stock: 15 },
  { slug: 'socks-pair', title: 'Coffee-bean socks', description: 'A pair of cotton socks with a bean pattern. Unisex.', categoryId: 'apparel', priceMinor: ton(3, 500), stock: 40 },
  { slug: 'hoodie', title: 'Zip hoodie', description: 'Brushed fleece, embroidered logo, deep pockets.', categoryId: 'apparel', priceMinor: ton(25), stock: 9 },
  { slug: 'pour-over-dripper', title: 'Pour-over dripper', description: 'Ceramic cone, fits most mugs. Filters not included.', categoryId: 'gear', priceMinor: ton(8, 500), stock: 11 },
  { slug: 'hand-grinder', title: 'Hand grinder', description: 'Steel conical burrs, 40 click settings, folds into a bag.', categoryId: 'gear', priceMinor: ton(24), compareAtPriceMinor: ton(29), stock: 5 },
  { slug: 'travel-mug', title: 'Travel mug, 350 ml', description: 'Double-walled steel; keeps coffee hot for four hours.', categoryId: 'gear', priceMinor: ton(7, 200), stock: 30 },
  { slug: 'gooseneck-kettle', title: 'Gooseneck kettle', description: 'Precise pour for filter coffee, 0.8 l, works on induction.', categoryId: 'gear', priceMinor: ton(19, 900), stock: 7 },
  { slug: 'digital-scale', title: 'Coffee scale', description: 'Weighs to 0.1 g with a built-in timer.', categoryId: 'gear', priceMinor: ton(11), stock: 1 },
  { slug: 'gift-card-10', title: 'Gift card, 10 TON', description: 'Delivered as a code in the chat. Never expires.', categoryId: 'gifts', priceMinor: ton(10), stock: 999, kind: 'digital' },
  { slug: 'gift-card-25', title: 'Gift card, 25 TON', description: 'Delivered as a code in the chat. Never expires.', categoryId: 'gifts', priceMinor: ton(25), stock: 999, kind: 'digital' },
  { slug: 'tasting-box', title: 'Tasting box', description: 'Four 100 g coffees from four continents, with tasting notes.', categoryId: 'gifts', priceMinor: ton(14), compareAtPriceMinor: ton(16), stock: 12 },
  { slug: 'tea-sampler', title: 'Tea sampler', description: 'Six teas in tins, from sencha to chai.', categoryId: 'gifts', priceMinor: ton(11, 500), stock: 10 },
  { slug: 'subscription-month', title: 'Coffee of the month', description: 'A new 250 g bag each month, chosen by our roaster. Seasonal.', categoryId: 'gifts', priceMinor: ton(13), stock: 0, active: false },
];
