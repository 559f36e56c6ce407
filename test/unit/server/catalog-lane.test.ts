import { describe, expect, it } from 'vitest';
import { catalogReadOf } from '../../../functions/platforms/node/catalog-lane';

// The Node server's catalog lane takes only plain catalog reads; anything else goes to the app's routes,
// which answer errors and odd requests in their own words (test/integration/platforms/node-wire.test.ts
// checks that both ways answer alike).
const request = (url: string, headers: Record<string, string> = {}, method = 'GET') => ({ method, url, headers });

describe('the catalog lane takes', () => {
  it('the catalog and a product page in the language the URL names, with the headers the answer depends on', () => {
    expect(catalogReadOf(request('/api/catalog?locale=fa_IR', { 'accept-encoding': 'gzip', 'if-none-match': '"x"' }))).toEqual({
      what: { kind: 'catalog' },
      languages: { wanted: ['fa-ir'], fromQuery: true },
      acceptEncoding: 'gzip',
      ifNoneMatch: '"x"',
    });
    expect(catalogReadOf(request('/api/products/Espresso-Beans?locale=en'))).toMatchObject({ what: { kind: 'product', slug: 'Espresso-Beans' } });
  });

  it('a read without ?locale= in the languages of Accept-Language', () => {
    expect(catalogReadOf(request('/api/catalog', { 'accept-language': 'ru-RU,ru;q=0.9' }))?.languages).toEqual({ wanted: ['ru-ru', 'ru'], fromQuery: false });
  });
});

describe('the catalog lane leaves to the routes', () => {
  it.each([
    ['another method', request('/api/catalog', {}, 'HEAD')],
    ['another path', request('/api/catalogue')],
    ['a trailing slash', request('/api/catalog/')],
    ['a deeper path', request('/api/products/a/b')],
    ['a percent-escape in the path', request('/api/products/espresso%2Dbeans')],
    ['a percent-escape in the query', request('/api/catalog?locale=e%00')],
    ['a plus in the query', request('/api/catalog?locale=en+gb')],
    ['another parameter', request('/api/catalog?locale=en&x=1')],
    ['an empty pair', request('/api/catalog?locale=en&')],
    ['a locale that is no language tag', request('/api/catalog?locale=english-language-tag-that-is-far-too-long')],
    ['a client that takes deflate and not gzip', request('/api/catalog?locale=en', { 'accept-encoding': 'deflate' })],
    ['an empty slug', request('/api/products/?locale=en')],
  ])('%s', (_name, req) => {
    expect(catalogReadOf(req)).toBeNull();
  });
});
