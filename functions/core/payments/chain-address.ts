import { Address } from '@ton/core';

/**
 * The raw form `0:<64 lowercase hex>` of any address form (raw in either case, or user-friendly), the
 * one form the payments code compares. Throws on text that is not an address.
 */
export function toRawAddress(address: string): string {
  return Address.parse(address.trim()).toRawString();
}

/** Like {@link toRawAddress}, null instead of throwing. */
export function tryRawAddress(address: string): string | null {
  try {
    return toRawAddress(address);
  } catch {
    return null;
  }
}
