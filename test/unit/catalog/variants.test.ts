import { describe, expect, it } from 'vitest';
import {
  findVariant,
  generateCombinations,
  productOptionsSchema,
  valueAvailability,
  variantLabel,
  variantPrice,
  type ProductVariant,
} from '../../../functions/core/catalog/variants';

const options = [
  { name: 'Size', values: ['S', 'M', 'L'] },
  { name: 'Colour', values: ['Black', 'Sand'] },
];
const variant = (optionValues: string[], stock: number, changes: Partial<ProductVariant> = {}): ProductVariant => ({
  id: optionValues.join('-'),
  optionValues,
  sku: null,
  priceMinor: null,
  stock,
  image: null,
  active: true,
  ...changes,
});

describe('product options', () => {
  it('generates every combination, first option slowest', () => {
    expect(generateCombinations(options)).toEqual([
      ['S', 'Black'],
      ['S', 'Sand'],
      ['M', 'Black'],
      ['M', 'Sand'],
      ['L', 'Black'],
      ['L', 'Sand'],
    ]);
    expect(generateCombinations([])).toEqual([[]]);
  });

  it.each([
    ['four options', [1, 2, 3, 4].map((n) => ({ name: `O${n}`, values: ['a'] }))],
    [
      'two options with one name',
      [
        { name: 'Size', values: ['S'] },
        { name: 'size', values: ['M'] },
      ],
    ],
    ['a value twice', [{ name: 'Size', values: ['S', 's'] }]],
    ['an option without values', [{ name: 'Size', values: [] }]],
    [
      'more than 100 combinations',
      [
        { name: 'A', values: [...'abcdefghijk'] },
        { name: 'B', values: [...'abcdefghijk'] },
      ],
    ],
  ])('refuses %s', (_name, input) => {
    expect(productOptionsSchema.safeParse(input).success).toBe(false);
  });
});

describe('choosing a variant', () => {
  const variants = [
    variant(['S', 'Black'], 2),
    variant(['M', 'Black'], 0),
    variant(['M', 'Sand'], 5, { priceMinor: 9n }),
    variant(['L', 'Sand'], 1, { active: false }),
  ];

  it('finds the variant a full selection names, or none', () => {
    expect(findVariant(variants, ['M', 'Sand'])?.id).toBe('M-Sand');
    expect(findVariant(variants, ['S', 'Sand'])).toBeNull();
  });

  it('marks values that exist, are sold out, or do not exist (or are switched off) with the other choice', () => {
    expect(valueAvailability(options, variants, [null, null])).toEqual([
      ['available', 'available', 'unavailable'],
      ['available', 'available'],
    ]);
    expect(valueAvailability(options, variants, [null, 'Black'])).toEqual([
      ['available', 'sold_out', 'unavailable'],
      ['available', 'available'],
    ]);
    expect(valueAvailability(options, variants, ['S', null])[1]).toEqual(['available', 'unavailable']);
  });

  it('names a variant by its values and prices it by its override or the product', () => {
    expect(variantLabel(['M', 'Black'])).toBe('M / Black');
    expect(variantLabel([])).toBe('');
    expect(variantPrice(10n, { priceMinor: null })).toBe(10n);
    expect(variantPrice(10n, { priceMinor: 9n })).toBe(9n);
  });
});
