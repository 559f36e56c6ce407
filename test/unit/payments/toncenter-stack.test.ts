import { beginCell } from '@ton/core';
import { describe, expect, it } from 'vitest';
import { fromToncenterStackEntry, toToncenterStackEntry } from '../../../functions/adapters/ton/dev-chain/toncenter-stack';

describe("the dev chain's toncenter v3 get-method stack", () => {
  it.each([
    ['0x2a', 42n],
    ['42', 42n],
    ['-0x2a', -42n],
    ['-42', -42n],
    ['0x' + 'f'.repeat(64), (1n << 256n) - 1n],
  ])('reads the num %s as %s', (value, expected) => {
    expect(fromToncenterStackEntry({ type: 'num', value }, 0)).toEqual({ type: 'int', value: expected });
  });

  it('reads a slice and a cell from base64 BOCs', () => {
    const cell = beginCell().storeUint(5, 8).endCell();
    for (const type of ['slice', 'cell'] as const) {
      const item = fromToncenterStackEntry({ type, value: cell.toBoc().toString('base64') }, 0);
      expect(typeof item !== 'string' && item.type === type && item.cell.equals(cell)).toBe(true);
    }
  });

  it.each<[string, { type: string; value: unknown }, RegExp]>([
    ['a num in hex that is not hex', { type: 'num', value: '0xZZ' }, /stack\[3\]: 0xZZ is not a number/],
    ['a num given as an object', { type: 'num', value: {} }, /takes a string value/],
    ['a slice that is not base64', { type: 'slice', value: 'not a boc' }, /not a base64 BOC/],
    ['a cell given as a number', { type: 'cell', value: 7 }, /takes a base64 BOC/],
    ['a tuple', { type: 'tuple', value: [] }, /type must be num, cell or slice/],
  ])('says what is wrong with %s', (_name, entry, message) => {
    expect(fromToncenterStackEntry(entry, 3)).toMatch(message);
  });

  it('writes what it reads back in the same form (numbers as hex, slices as BOCs)', () => {
    expect(toToncenterStackEntry({ type: 'int', value: -42n })).toEqual({ type: 'num', value: '-0x2a' });
    expect(fromToncenterStackEntry(toToncenterStackEntry({ type: 'int', value: -42n }), 0)).toEqual({ type: 'int', value: -42n });
    const cell = beginCell().storeUint(1, 1).endCell();
    const back = fromToncenterStackEntry(toToncenterStackEntry({ type: 'slice', cell }), 0);
    expect(typeof back !== 'string' && back.type === 'slice' && back.cell.equals(cell)).toBe(true);
  });
});
