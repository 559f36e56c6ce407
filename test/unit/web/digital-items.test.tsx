// My orders' digital products, rendered to static HTML in Node: keys and texts as they are, a file as a
// link the shop makes on request (effects do not run in a static render, so the link is still coming).
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DigitalItems } from '../../../src/features/orders/digital-items';

describe('DigitalItems', () => {
  it('shows each key left to right and the text escaped, and nothing for an order without digital items', () => {
    const html = renderToStaticMarkup(
      <DigitalItems
        orderId="o1"
        items={[
          { productId: 'p1', title: 'Game', kind: 'license_keys', keys: ['AAAA-1111', 'BBBB-<2>'] },
          { productId: 'p2', title: 'Course', kind: 'text', text: 'Join <here>' },
        ]}
      />,
    );
    expect(html).toContain('<code dir="ltr" data-testid="license-key">AAAA-1111</code>');
    expect(html).toContain('BBBB-&lt;2&gt;');
    expect(html).toContain('Your 2 keys:');
    expect(html).toContain('Join &lt;here&gt;');
    expect(html).not.toContain('data-testid="new-download-link"');
    expect(renderToStaticMarkup(<DigitalItems orderId="o1" items={[]} />)).toBe('');
  });

  it('offers a new link for a file, and no link before the shop made one', () => {
    const html = renderToStaticMarkup(
      <DigitalItems orderId="o1" items={[{ productId: 'p3', title: 'E-book', kind: 'file', fileName: 'book.pdf', sizeBytes: 10 }]} />,
    );
    expect(html).toContain('data-testid="new-download-link"');
    expect(html).toContain('Get a new link');
    expect(html).toContain('Getting your download link');
    expect(html).not.toContain('data-testid="download-link"');
  });
});
