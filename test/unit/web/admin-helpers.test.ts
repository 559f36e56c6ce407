import { describe, expect, it } from 'vitest';
import { AdminApiError, createAdminApi, filenameFromDisposition } from '../../../src/features/admin/common/admin-api';
import { indexOfMax, scaleBars } from '../../../src/features/admin/sales/chart-scale';
import { moveItem } from '../../../src/features/admin/products/image-list-editor';
import { formatOfFile } from '../../../src/features/admin/catalog-io/import-form';
import { readImportRows } from '../../../src/features/admin/catalog-io/import-report';
import { ApiError } from '../../../src/platform/api-client';

describe('scaleBars', () => {
  it('scales to the largest amount, exactly even beyond 2^53 nanotons', () => {
    expect(scaleBars(['0', '50000000000000000000', '100000000000000000000'], 100)).toEqual([0, 50, 100]);
  });
  it('keeps a tiny non-zero day visible', () => {
    expect(scaleBars(['1', '1000000000000'], 100, 2)).toEqual([2, 100]);
  });
  it('draws nothing when there were no sales', () => {
    expect(scaleBars(['0', '0'], 100)).toEqual([0, 0]);
    expect(indexOfMax(['0', '0'])).toBe(-1);
  });
  it('finds the best day, the first on a tie', () => {
    expect(indexOfMax(['5', '9', '9', '1'])).toBe(1);
  });
});

describe('moveItem', () => {
  it('moves a picture earlier or later and leaves the ends alone', () => {
    expect(moveItem(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });
});

describe('formatOfFile', () => {
  it('goes by the name first, then the type', () => {
    expect(formatOfFile({ name: 'bazaar-catalog.CSV', type: '' })).toBe('csv');
    expect(formatOfFile({ name: 'export', type: 'application/json' })).toBe('json');
    expect(formatOfFile({ name: 'photo.png', type: 'image/png' })).toBeNull();
  });
});

describe('filenameFromDisposition', () => {
  it.each([
    ['attachment; filename="bazaar-orders-2026-11-23.csv"', 'bazaar-orders-2026-11-23.csv'],
    ['attachment; filename=plain.json', 'plain.json'],
    ["attachment; filename*=UTF-8''caf%C3%A9.csv", 'café.csv'],
    [null, null],
    ['attachment', null],
  ])('%j → %j', (header, name) => {
    expect(filenameFromDisposition(header)).toBe(name);
  });
});

describe('admin API client', () => {
  const respond = (body: unknown, init: ResponseInit) => async () =>
    new Response(JSON.stringify(body), { ...init, headers: { 'Content-Type': 'application/json' } });

  it('signs calls with the Mini App initData and sends raw uploads with their own type', async () => {
    const seen: Request[] = [];
    const api = createAdminApi({
      initDataRaw: 'query_id=1&hash=abc',
      fetch: async (input, init) => {
        seen.push(new Request(new URL(String(input), 'http://shop.test'), init));
        return new Response(JSON.stringify({ url: '/media/u/x.png' }), { status: 201 });
      },
    });
    await api.upload('/api/admin/images', new Blob([new Uint8Array([137, 80, 78, 71])]), 'image/png');
    expect(seen[0]!.headers.get('Authorization')).toBe('tma query_id=1&hash=abc');
    expect(seen[0]!.headers.get('Content-Type')).toBe('image/png');
    expect(new Uint8Array(await seen[0]!.arrayBuffer())).toEqual(new Uint8Array([137, 80, 78, 71]));
  });

  it('keeps an import’s bad rows from its 422 answer', async () => {
    const rows = [{ row: 3, section: 'product', field: 'priceMinor', message: 'Not a number' }];
    const api = createAdminApi({
      initDataRaw: 'x',
      fetch: respond({ error: { code: 'IMPORT_INVALID', message: 'Fix the rows', rows } }, { status: 422 }),
    });
    const error = await api.upload('/api/admin/import?format=csv', new Blob(['a']), 'text/csv').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AdminApiError);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('IMPORT_INVALID');
    expect(readImportRows(error)).toEqual(rows);
  });

  it('reads a download’s file name and body', async () => {
    const api = createAdminApi({
      initDataRaw: 'x',
      fetch: async () => new Response('code\r\nK7Q2MX3A\r\n', { headers: { 'Content-Disposition': 'attachment; filename="bazaar-orders.csv"' } }),
    });
    const file = await api.download('/api/admin/export?kind=orders&format=csv');
    expect(file.filename).toBe('bazaar-orders.csv');
    expect(await file.blob.text()).toContain('K7Q2MX3A');
  });
});
