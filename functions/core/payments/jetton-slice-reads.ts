import { Address, type Slice } from '@ton/core';
import { JettonBodyError } from './jetton-body-error';

// @ton/core throws plain Errors when a read runs past the end of a slice or meets a bad tag; the jetton
// parsers name the field that failed instead, so that a refused body says why.

/** Reads a fixed field with `read`, turning a short slice into a `truncated` JettonBodyError. */
export function readField<T>(slice: Slice, field: string, read: (slice: Slice) => T): T {
  try {
    return read(slice);
  } catch {
    throw new JettonBodyError('truncated', `${field} runs past the end of the body`);
  }
}

/**
 * Reads a MsgAddress that must be an internal address (addr_std), or addr_none when `allowNone`.
 * External and addr_var addresses are refused: no jetton wallet pays to them. @throws JettonBodyError
 */
export function readInternalAddress(slice: Slice, field: string, allowNone: true): Address | null;
export function readInternalAddress(slice: Slice, field: string, allowNone: false): Address;
export function readInternalAddress(slice: Slice, field: string, allowNone: boolean): Address | null {
  let address: unknown;
  try {
    address = slice.loadAddressAny();
  } catch {
    throw new JettonBodyError('bad_address', `${field} is not a valid address`);
  }
  if (address === null && allowNone) return null;
  if (!(address instanceof Address)) throw new JettonBodyError('bad_address', `${field} is not an internal address`);
  return address;
}

/** Reads the 32-bit op and checks it. @throws JettonBodyError */
export function expectOp(slice: Slice, op: number, name: string): void {
  if (slice.remainingBits < 32) throw new JettonBodyError('too_short', `a ${name} body starts with a 32-bit op`);
  const found = slice.loadUint(32);
  if (found !== op) throw new JettonBodyError('wrong_op', `op 0x${found.toString(16).padStart(8, '0')} is not ${name} (0x${op.toString(16).padStart(8, '0')})`);
}

/** The 32-bit op a body starts with, or null when it is shorter than that. */
export function peekOp(slice: Slice): number | null {
  return slice.remainingBits < 32 ? null : slice.preloadUint(32);
}
