import { describe, expect, it } from 'vitest';
import { fieldErrorsFromMessage } from '../../../src/features/admin/delivery/api';
import type { PromoCode } from '../../../src/features/admin/promo-codes/api';
import { draftFromPromo, readPromoDraft, EMPTY_PROMO } from '../../../src/features/admin/promo-codes/promo-form';
import { generateCombinations, readVariants, rowsForOptions } from '../../../src/features/admin/products/variants-draft';

describe('the variants editor', () => {
  it('generates every combination of the options, keeping what a row already said', () => {
    const options = [
      { name: 'Size', values: 'S, M' },
      { name: 'Colour', values: 'Black,White' },
    ];
    const kept = { optionValues: ['M', 'White'], sku: 'T-M-W', price: '', stock: '7', image: '', active: false };
    const rows = generateCombinations(options, [kept]);
    expect(rows.map((r) => r.optionValues.join('/'))).toEqual(['S/Black', 'S/White', 'M/Black', 'M/White']);
    expect(rows[3]).toBe(kept);
  });

  it('sends the options and rows, leaving out a row of another set of options', () => {
    const options = [{ name: 'Size', values: 'S' }];
    const read = readVariants(options, [
      { optionValues: [], sku: '', price: '', stock: '10', image: '', active: false },
      { optionValues: ['S'], sku: ' TEE-S ', price: '1.5', stock: '3', image: '', active: true },
    ]);
    expect(read).toEqual({
      ok: true,
      body: {
        options: [{ name: 'Size', values: ['S'] }],
        variants: [{ optionValues: ['S'], sku: 'TEE-S', priceMinor: '1500000000', stock: 3, image: null, active: true }],
      },
    });
  });

  it.each([
    ['price', { price: 'abc', stock: '1' }],
    ['stock', { price: '', stock: '-1' }],
  ] as const)('names the row whose %s is wrong', (field, cells) => {
    const read = readVariants([{ name: 'Size', values: 'S' }], [{ optionValues: ['S'], sku: '', image: '', active: true, ...cells }]);
    expect(read).toEqual({ ok: false, row: 0, field });
  });

  it('shows only the variants of the current options', () => {
    const variant = (optionValues: string[]) => ({
      id: optionValues.join() || 'd',
      optionValues,
      sku: null,
      priceOverrideMinor: null,
      stock: 1,
      image: null,
      active: true,
    });
    expect(rowsForOptions([{ name: 'Size', values: ['S'] }], [variant([]), variant(['S'])]).map((r) => r.id)).toEqual(['S']);
  });

  describe('after a value was removed from an option', () => {
    // The server never deletes a variant it is not sent (orders may name it): it switches it off, and
    // its GET answer lists it. Sizes were S/M/L, L was removed: L is a leftover of the old options.
    const options = [{ name: 'Size', values: ['S', 'M'] }];
    const variant = (size: string, active: boolean) => ({ id: size, optionValues: [size], sku: null, priceOverrideMinor: null, stock: 2, image: null, active });
    const saved = [variant('S', true), variant('M', false), variant('L', false)];

    it('shows no row for the leftover, but does show a switched-off variant that still fits', () => {
      expect(rowsForOptions(options, saved).map((r) => [r.id, r.active])).toEqual([
        ['S', true],
        ['M', false],
      ]);
    });

    it('sends no leftover row when saved without generating the combinations again', () => {
      const typed = [{ name: 'Size', values: 'S, M' }];
      const rows = saved.map((v) => ({ id: v.id, optionValues: v.optionValues, sku: '', price: '', stock: '2', image: '', active: v.active }));
      const read = readVariants(typed, rows);
      expect(read.ok && (read.body as { variants: { optionValues: string[] }[] }).variants.map((v) => v.optionValues)).toEqual([['S'], ['M']]);
    });

    it.each([
      ['a renamed value', [{ name: 'Size', values: 'S, Medium' }], [['S']]],
      [
        'an option added',
        [
          { name: 'Size', values: 'S, M' },
          { name: 'Colour', values: 'Black' },
        ],
        [],
      ],
      ['the option removed', [], [[]]],
    ])('sends only the rows that fit the options after %s', (_, typed, sent) => {
      const rows = [['S'], ['M'], []].map((optionValues) => ({ optionValues, sku: '', price: '', stock: '1', image: '', active: true }));
      const read = readVariants(typed, rows);
      expect(read.ok && (read.body as { variants: { optionValues: string[] }[] }).variants.map((v) => v.optionValues)).toEqual(sent);
    });
  });
});

describe('the promo code form', () => {
  it.each([
    ['15', '1500'],
    ['12.5', '1250'],
    ['100', '10000'],
  ])('reads %s percent as %s basis points', (value, bp) => {
    const read = readPromoDraft({ ...EMPTY_PROMO, code: 'spring', value });
    expect(read.ok && read.input).toMatchObject({ code: 'SPRING', kind: 'percent', value: bp });
  });

  it('applies to the whole order when no category is ticked, and to the ticked ones otherwise', () => {
    const whole = readPromoDraft({ ...EMPTY_PROMO, code: 'all', value: '10' });
    expect(whole.ok && whole.input.categoryIds).toBeNull();
    const some = readPromoDraft({ ...EMPTY_PROMO, code: 'teas', value: '10', categoryIds: ['tea', 'coffee'] });
    expect(some.ok && some.input.categoryIds).toEqual(['tea', 'coffee']);
  });

  it('keeps a saved code’s categories when it is edited (saving again does not widen it to the whole order)', () => {
    const saved: PromoCode = {
      id: 'p1',
      code: 'TEAS',
      kind: 'percent',
      value: '1000',
      minSubtotalMinor: null,
      startsAt: null,
      endsAt: null,
      maxUses: null,
      maxUsesPerCustomer: null,
      categoryIds: ['tea'],
      active: true,
      usesHeld: 0,
      usesUsed: 0,
    };
    const read = readPromoDraft(draftFromPromo(saved));
    expect(read.ok && read.input.categoryIds).toEqual(['tea']);
  });

  it('names every wrong field at once', () => {
    const read = readPromoDraft({ ...EMPTY_PROMO, code: 'x', value: '101', maxUses: 'lots', startsAt: '2026-12-10', endsAt: '2026-12-01' });
    expect(read).toEqual({ ok: false, errors: { code: 'format', value: 'format', maxUses: 'format', endsAt: 'format' } });
  });
});

describe('the delivery screen', () => {
  it('reads the fields a VALIDATION_FAILED message names', () => {
    expect(fieldErrorsFromMessage('methods.0.zones.1.feeMinor: Invalid string; methods.1.name: Too small')).toEqual({
      'methods.0.zones.1.feeMinor': 'Invalid string',
      'methods.1.name': 'Too small',
    });
  });
});
