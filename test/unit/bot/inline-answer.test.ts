import { describe, expect, it } from 'vitest';
import type { Product } from '../../../functions/core/catalog/catalog';
import { buildInlineAnswer, INLINE_PAGE_SIZE } from '../../../functions/core/bot/inline-answer';
import { productShareLink } from '../../../functions/core/bot/product-link';
import { foldForSearch, searchProducts } from '../../../functions/core/bot/search-products';

let nextId = 0;
function product(fields: Partial<Product> & { slug: string; title: string }): Product {
  const id = `00000000-0000-4000-8000-${String(++nextId).padStart(12, '0')}`;
  return {
    id,
    description: '',
    currency: 'TON',
    priceMinor: 2_500_000_000n,
    compareAtPriceMinor: null,
    images: [],
    categoryId: null,
    kind: 'physical',
    options: [],
    variants: [{ id: `${id}-v`, optionValues: [], sku: null, priceMinor: null, stock: 5, image: null, active: true }],
    stock: 5,
    active: true,
    ...fields,
  };
}

const SHOP = { publicUrl: 'https://shop.example', botUsername: 'bazaar_test_bot', miniAppName: 'shop' };
const query = (text: string, languageCode: string | null = 'en', offset = '') => ({ id: 'q1', query: text, offset, languageCode });

describe('searching the catalog from an inline query', () => {
  const tea = product({ slug: 'green-tea', title: 'Green tea', description: 'Loose leaf, from Yunnan', translations: { ru: { title: 'Зелёный чай' } } });
  const cafe = product({ slug: 'cafe-noir', title: 'Café noir', description: 'Dark roast beans' });
  const teapot = product({ slug: 'teapot', title: 'Clay teapot', description: 'For green tea' });
  const persian = product({ slug: 'chai', title: 'چای سیاه', description: 'کیسه‌ای' });
  const all = [tea, cafe, teapot, persian];

  it('finds a product by every word of the query, in any order and any case', () => {
    expect(searchProducts(all, 'TEA green').map((p) => p.slug)).toEqual(['green-tea', 'teapot']);
  });

  it('ranks a title that starts with the query first, then titles with every word, then descriptions', () => {
    const strainer = product({ slug: 'strainer', title: 'Strainer', description: 'Keeps the tea leaves out' });
    const towel = product({ slug: 'tea-towel', title: 'Tea towel' });
    expect(searchProducts([strainer, tea, towel], 'tea').map((p) => p.slug)).toEqual(['tea-towel', 'green-tea', 'strainer']);
    expect(searchProducts(all, 'green tea').map((p) => p.slug)).toEqual(['green-tea', 'teapot']);
  });

  it('finds a title in another of the product’s languages', () => {
    expect(searchProducts(all, 'чай').map((p) => p.slug)).toEqual(['green-tea']);
  });

  it('ignores accents, and the Arabic letters a Persian keyboard may type for Persian ones', () => {
    expect(searchProducts(all, 'cafe').map((p) => p.slug)).toEqual(['cafe-noir']);
    // "چاي" with Arabic yeh (U+064A) finds "چای" spelt with Persian yeh (U+06CC).
    expect(searchProducts(all, 'چاي').map((p) => p.slug)).toEqual(['chai']);
    expect(foldForSearch('كتاب')).toBe(foldForSearch('کتاب'));
  });

  it('lists the whole catalog, in its order, for an empty query', () => {
    expect(searchProducts(all, '   ').map((p) => p.slug)).toEqual(['green-tea', 'cafe-noir', 'teapot', 'chai']);
  });

  it('finds nothing when one word matches nothing', () => {
    expect(searchProducts(all, 'green coffee')).toEqual([]);
  });
});

describe('the link that opens a product from any chat', () => {
  it('is the Mini App link with its short name, carrying the product in startapp', () => {
    expect(productShareLink({ ...SHOP, slug: 'green-tea' })).toBe('https://t.me/bazaar_test_bot/shop?startapp=product_green-tea');
  });
  it('is the Main Mini App link without a short name', () => {
    expect(productShareLink({ ...SHOP, miniAppName: undefined, slug: 'green-tea' })).toBe('https://t.me/bazaar_test_bot?startapp=product_green-tea');
  });
  it('is the web product page without the bot’s username, and nothing without an https address', () => {
    expect(productShareLink({ botUsername: undefined, miniAppName: undefined, publicUrl: 'https://shop.example/', slug: 'green-tea' })).toBe(
      'https://shop.example/p/green-tea',
    );
    expect(productShareLink({ botUsername: undefined, miniAppName: undefined, publicUrl: 'http://localhost:3000', slug: 'green-tea' })).toBeNull();
  });
});

describe('the answer to an inline query', () => {
  it('is a photo with a caption and a url button when the product has a JPEG picture', () => {
    const p = product({ slug: 'green-tea', title: 'Green <tea>', images: ['/media/u/abc.jpg'] });
    const answer = buildInlineAnswer({ query: query('tea'), products: [p], shop: SHOP });
    expect(answer).toMatchObject({ inline_query_id: 'q1', is_personal: true, next_offset: '' });
    expect(answer.results).toEqual([
      {
        type: 'photo',
        id: p.id,
        photo_url: 'https://shop.example/media/u/abc.jpg',
        thumbnail_url: 'https://shop.example/media/u/abc.jpg',
        title: 'Green <tea>',
        description: '2.5 TON',
        caption: '<b>Green &lt;tea&gt;</b>\n2.5 TON',
        parse_mode: 'HTML',
        reply_markup: { inline_keyboard: [[{ text: '🛍 View the product', url: 'https://t.me/bazaar_test_bot/shop?startapp=product_green-tea' }]] },
      },
    ]);
    expect(answer.button).toEqual({ text: expect.any(String), web_app: { url: 'https://shop.example/' } });
  });

  it('is a text message when the picture is not a JPEG (Telegram takes no other format for inline photos)', () => {
    const p = product({ slug: 'mug', title: 'Mug', images: ['/media/demo/mug.svg'], description: 'A big mug' });
    const [result] = buildInlineAnswer({ query: query(''), products: [p], shop: SHOP }).results;
    expect(result).toMatchObject({
      type: 'article',
      title: 'Mug',
      description: '2.5 TON · A big mug',
      input_message_content: { message_text: '<b>Mug</b>\n2.5 TON', parse_mode: 'HTML' },
    });
    expect(result).not.toHaveProperty('thumbnail_url');
  });

  it('speaks the person’s language: the translated title, the price words, the button', () => {
    const p = product({
      slug: 'hoodie',
      title: 'Hoodie',
      translations: { ru: { title: 'Худи' } },
      options: [{ name: 'Size', values: ['M', 'L'] }],
      variants: [
        { id: 'v1', optionValues: ['M'], sku: null, priceMinor: null, stock: 0, image: null, active: true },
        { id: 'v2', optionValues: ['L'], sku: null, priceMinor: 3_000_000_000n, stock: 0, image: null, active: true },
      ],
      stock: 0,
    });
    const [result] = buildInlineAnswer({ query: query('худи', 'ru'), products: [p], shop: SHOP }).results;
    expect(result).toMatchObject({ title: 'Худи', description: 'от 2.5 TON · нет в наличии' });
    expect(result!.reply_markup!.inline_keyboard[0]![0]!.text).toBe('🛍 Посмотреть товар');
  });

  it('pages through many matches with its own offset', () => {
    const many = Array.from({ length: INLINE_PAGE_SIZE + 5 }, (_, i) => product({ slug: `tea-${i}`, title: `Tea ${i}` }));
    const first = buildInlineAnswer({ query: query('tea'), products: many, shop: SHOP });
    expect(first.results).toHaveLength(INLINE_PAGE_SIZE);
    expect(first.next_offset).toBe(String(INLINE_PAGE_SIZE));
    const second = buildInlineAnswer({ query: query('tea', 'en', first.next_offset), products: many, shop: SHOP });
    expect(second.results.map((r) => r.id)).toEqual(many.slice(INLINE_PAGE_SIZE).map((p) => p.id));
    expect(second.next_offset).toBe('');
    // An offset Telegram could only have got from someone else is read as the first page.
    expect(buildInlineAnswer({ query: query('tea', 'en', 'x'), products: many, shop: SHOP }).results[0]!.id).toBe(many[0]!.id);
  });

  it('has no buttons where no link can be made', () => {
    const p = product({ slug: 'mug', title: 'Mug' });
    const answer = buildInlineAnswer({ query: query(''), products: [p], shop: { publicUrl: undefined, botUsername: undefined, miniAppName: undefined } });
    expect(answer.results[0]).not.toHaveProperty('reply_markup');
    expect(answer).not.toHaveProperty('button');
  });
});
