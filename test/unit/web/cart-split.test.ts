import { describe, expect, it } from 'vitest';
import { readCartPart, splitMixedCart } from '../../../src/domain/cart-split';
import { makeProduct } from './fixtures';

const beans = makeProduct({ id: 'beans', kind: 'physical' });
const giftCard = makeProduct({ id: 'gift', kind: 'digital', priceStars: 250 });
const ebook = makeProduct({ id: 'ebook', kind: 'digital', priceStars: 90 });
const unpricedCode = makeProduct({ id: 'code', kind: 'digital', priceStars: null });
const line = (productId: string, quantity = 1) => ({ productId, variantId: `${productId}-v`, quantity });

describe('splitMixedCart', () => {
  it('splits a cart of digital and shipped items into its two orders, keeping each line as it is', () => {
    const items = [line('beans', 2), line('gift'), line('ebook', 3)];
    expect(splitMixedCart(items, [beans, giftCard, ebook])).toEqual({ digital: [line('gift'), line('ebook', 3)], physical: [line('beans', 2)] });
  });

  it('does not split a cart of one kind', () => {
    expect(splitMixedCart([line('gift'), line('ebook')], [beans, giftCard, ebook])).toBeNull();
    expect(splitMixedCart([line('beans')], [beans, giftCard])).toBeNull();
    expect(splitMixedCart([], [beans, giftCard])).toBeNull();
  });

  it('keeps a digital product without a Stars price with the rest: Stars could not pay for it either', () => {
    expect(splitMixedCart([line('code'), line('beans')], [beans, unpricedCode])).toBeNull();
    expect(splitMixedCart([line('gift'), line('code')], [giftCard, unpricedCode])).toEqual({ digital: [line('gift')], physical: [line('code')] });
  });

  it('counts a line whose product the catalog does not know as not digital: it is never paid in Stars by mistake', () => {
    expect(splitMixedCart([line('gift'), line('gone')], [giftCard])).toEqual({ digital: [line('gift')], physical: [line('gone')] });
  });
});

describe('readCartPart', () => {
  it.each([
    ['?part=digital', 'digital'],
    ['?part=physical', 'physical'],
    ['', null],
    ['?part=everything', null],
    ['?part=DIGITAL', null],
  ])('reads %j as %j', (search, part) => {
    expect(readCartPart(search)).toBe(part);
  });
});
