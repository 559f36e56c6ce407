import { describe, expect, it } from 'vitest';
import { defaultVariant, findVariant, readSelection, valueStates, variantLabel, writeSelection } from '../../../src/domain/variants';
import { makeProduct } from './fixtures';

const v = (id: string, optionValues: string[], stock: number, priceMinor = '12000000000') => ({ id, optionValues, sku: null, priceMinor, stock, image: null });
// The demo T-shirt's shape: S only in black, L in sand sold out, no XL at all.
const tee = makeProduct({
  options: [
    { name: 'Size', values: ['S', 'M', 'L', 'XL'] },
    { name: 'Colour', values: ['Black', 'Sand'] },
  ],
  variants: [v('s-b', ['S', 'Black'], 3), v('m-b', ['M', 'Black'], 6), v('m-s', ['M', 'Sand'], 4), v('l-b', ['L', 'Black'], 5), v('l-s', ['L', 'Sand'], 0)],
});

describe('valueStates', () => {
  it('with nothing chosen, disables only the values no variant has', () => {
    expect(valueStates(tee, [null, null])).toEqual([
      ['available', 'available', 'available', 'unavailable'],
      ['available', 'available'],
    ]);
  });

  it('follows the other options’ choice: sand leaves S unsold and L sold out', () => {
    expect(valueStates(tee, [null, 'Sand'])[0]).toEqual(['unavailable', 'available', 'sold_out', 'unavailable']);
    // The option's own choice does not restrict its values: the customer may switch to another.
    expect(valueStates(tee, ['L', 'Sand'])).toEqual([
      ['unavailable', 'available', 'sold_out', 'unavailable'],
      ['available', 'sold_out'],
    ]);
  });
});

describe('findVariant', () => {
  it('names the variant of a full choice, and none while an option is unchosen or the combination is not sold', () => {
    expect(findVariant(tee, ['M', 'Black'])?.id).toBe('m-b');
    expect(findVariant(tee, ['M', null])).toBeNull();
    expect(findVariant(tee, ['S', 'Sand'])).toBeNull();
  });

  it('takes the one variant of a product without options', () => {
    const bun = makeProduct({ variants: [v('bun', [], 9)] });
    expect(findVariant(bun, [])?.id).toBe('bun');
    expect(defaultVariant(bun)?.id).toBe('bun');
    expect(defaultVariant(tee)).toBeNull();
  });
});

describe('the choice in the URL', () => {
  it('reads ?size=M&colour=black whatever the case, ignoring values the option does not have', () => {
    expect(readSelection(tee, '?size=M&colour=black')).toEqual(['M', 'Black']);
    expect(readSelection(tee, '?size=XXXL')).toEqual([null, null]);
  });

  it('writes the choice and keeps other parameters', () => {
    expect(writeSelection(tee, ['M', 'Black'], '')).toBe('?size=M&colour=Black');
    expect(writeSelection(tee, [null, 'Sand'], '?size=M&ref=chat')).toBe('?ref=chat&colour=Sand');
    expect(writeSelection(tee, [null, null], '?size=M')).toBe('');
  });

  it('labels a variant as the order lines do', () => {
    expect(variantLabel({ optionValues: ['M', 'Black'] })).toBe('M / Black');
    expect(variantLabel({ optionValues: [] })).toBe('');
  });
});
