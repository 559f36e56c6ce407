// Which option values a variant may have: the one rule the server (functions/core/catalog/variants.ts)
// checks on every save and the admin's variants editor applies before it sends, so that the editor never
// offers a variant the server would refuse (422 VARIANTS_INVALID).

/**
 * Whether `optionValues` names one value of each option, in order. A variant that does not is a leftover
 * of the product's earlier options (a removed or renamed value, an option added or removed): the server
 * keeps it switched off, since orders may name it, but it is no combination of the current options.
 */
export function fitsOptions(options: readonly { values: readonly string[] }[], optionValues: readonly string[]): boolean {
  return optionValues.length === options.length && options.every((option, i) => option.values.includes(optionValues[i]!));
}
