import { Cell, type TupleItem } from '@ton/core';

// toncenter v3 `POST /api/v3/runGetMethod` stack entries, in and out: `{ type: "num", value: "0x12a" }`,
// `{ type: "cell" | "slice", value: "<base64 BOC>" }` (github.com/toncenter/ton-indexer, api/v2 bridge).

/** A TVM stack entry as toncenter v3 writes it: numbers as hex strings, cells and slices as base64 BOCs. */
export function toToncenterStackEntry(item: TupleItem): { type: string; value: unknown } {
  switch (item.type) {
    case 'int':
      return { type: 'num', value: `${item.value < 0n ? '-' : ''}0x${(item.value < 0n ? -item.value : item.value).toString(16)}` };
    case 'cell':
    case 'slice':
    case 'builder':
      return { type: item.type, value: item.cell.toBoc().toString('base64') };
    default:
      return { type: item.type, value: null };
  }
}

/**
 * A get-method argument given in toncenter's request form, or a sentence saying what is wrong with it.
 * Numbers may be hex (`0x…`, as toncenter writes them) or decimal, with a leading `-`.
 */
export function fromToncenterStackEntry(entry: { type: string; value: unknown }, index: number): TupleItem | string {
  const where = `stack[${index}]`;
  if (entry.type === 'num') {
    if (typeof entry.value !== 'string' && typeof entry.value !== 'number') return `${where}: a num takes a string value`;
    const text = String(entry.value);
    const match = /^(-?)(0x[0-9a-fA-F]{1,64}|\d{1,78})$/.exec(text);
    if (!match) return `${where}: ${text.slice(0, 80)} is not a number`;
    const magnitude = BigInt(match[2]!);
    return { type: 'int', value: match[1] ? -magnitude : magnitude };
  }
  if (entry.type === 'cell' || entry.type === 'slice') {
    if (typeof entry.value !== 'string') return `${where}: a ${entry.type} takes a base64 BOC`;
    try {
      return { type: entry.type, cell: Cell.fromBase64(entry.value) };
    } catch {
      return `${where}: not a base64 BOC with one root`;
    }
  }
  return `${where}: type must be num, cell or slice`;
}
