// The variants editor as a product's GET answer opens it. The server never deletes a variant (orders may
// name it): one it is no longer sent is switched off and still listed. Static HTML in Node.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { AdminVariant } from '../../../src/features/admin/products/variants-draft';
import { VariantsEditor } from '../../../src/features/admin/products/variants-editor';
import { ResourceCache } from '../../../src/platform/resource-cache';
import { ResourceCacheContext } from '../../../src/platform/services';

const variant = (optionValues: string[], active: boolean): AdminVariant => ({
  id: optionValues.join('-') || 'default',
  optionValues,
  sku: null,
  priceOverrideMinor: null,
  stock: 1,
  image: null,
  active,
});

function editor(options: { name: string; values: string[] }[], variants: AdminVariant[]) {
  return renderToStaticMarkup(
    <ResourceCacheContext.Provider value={new ResourceCache()}>
      <VariantsEditor productId="p1" options={options} variants={variants} shop="TON" productCurrency="TON" />
    </ResourceCacheContext.Provider>,
  );
}

/** The label of each variant row, in order. */
const rowLabels = (html: string) => [...html.matchAll(/data-testid="variant-row"><td><bdi>([^<]*)<\/bdi>/g)].map((m) => m[1]);

describe('the variants editor, opened on what the server lists', () => {
  it('shows no row for a size removed from the options (its variant switched off), and the switched-off sizes that remain', () => {
    const html = editor([{ name: 'Size', values: ['S', 'M'] }], [variant(['S'], true), variant(['M'], false), variant(['L'], false)]);
    expect(rowLabels(html)).toEqual(['S', 'M']);
  });

  it('shows no row for the default variant, nor for the sizes alone, once a colour came in', () => {
    const html = editor(
      [
        { name: 'Size', values: ['S'] },
        { name: 'Colour', values: ['Black'] },
      ],
      [variant([], false), variant(['S'], false), variant(['S', 'Black'], true)],
    );
    expect(rowLabels(html)).toEqual(['S / Black']);
  });
});
