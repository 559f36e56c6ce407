import { describe, expect, it } from 'vitest';
import { filterProducts, visibleCategories } from '../../../src/features/catalog/filter';
import type { Category } from '../../../src/domain/types';
import { makeProduct } from './fixtures';

const categories: Category[] = [
  { id: 'c2', slug: 'tea', title: 'Tea', position: 2 },
  { id: 'c1', slug: 'coffee', title: 'Coffee', position: 1 },
  { id: 'c3', slug: 'empty', title: 'Empty', position: 3 },
];
const products = [
  makeProduct({ id: '1', title: 'Cold brew', description: 'Smooth coffee', categoryId: 'c1' }),
  makeProduct({ id: '2', title: 'Café crème', description: 'Milky', categoryId: 'c1' }),
  makeProduct({ id: '3', title: 'Green sencha', description: 'Grassy tea', categoryId: 'c2' }),
  makeProduct({ id: '4', title: 'Gift card', description: '', categoryId: null }),
];
const ids = (list: { id: string }[]) => list.map((p) => p.id);

describe('filterProducts', () => {
  it('returns everything without a category or query', () => {
    expect(ids(filterProducts(products, categories, { categorySlug: null, query: '' }))).toEqual(['1', '2', '3', '4']);
  });
  it('narrows to a category', () => {
    expect(ids(filterProducts(products, categories, { categorySlug: 'tea', query: '' }))).toEqual(['3']);
    expect(filterProducts(products, categories, { categorySlug: 'unknown', query: '' })).toEqual([]);
  });
  it('matches every word of the query in title or description, ignoring case and accents', () => {
    expect(ids(filterProducts(products, categories, { categorySlug: null, query: 'COFFEE smooth' }))).toEqual(['1']);
    expect(ids(filterProducts(products, categories, { categorySlug: null, query: 'cafe' }))).toEqual(['2']);
    expect(ids(filterProducts(products, categories, { categorySlug: 'coffee', query: 'tea' }))).toEqual([]);
  });
});

describe('visibleCategories', () => {
  it('hides empty categories and sorts by position', () => {
    expect(visibleCategories(categories, products).map((c) => c.slug)).toEqual(['coffee', 'tea']);
  });
});
