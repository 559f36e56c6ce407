import { TEST_WEBHOOK_SECRET } from '../../support/test-app';
import fc from 'fast-check';
import { writeCsv } from '../../../functions/core/admin/csv';
import { IMPORT_FILE, type Audience, type FuzzPools, type FuzzRoute, type ParamPool } from './fuzz-routes';
import { jsonSchemaOf, mutatedJson, UNSTORABLE_CHARS } from './schema-arbitrary';

/** One generated request, and what was done to it (for the report of a failure). */
export interface FuzzRequest {
  method: string;
  /** Path and query, percent-encoded as a client would send them (or as a careless one would). */
  url: string;
  caller: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  mutation: string;
}

/** Who may be calling: the fuzzer's signed-in customer and admin, a cron, Telegram, and impostors. */
export type Callers = Record<string, Record<string, string>>;

const RIGHT_CALLERS: Record<Audience, string[]> = {
  public: ['nobody'],
  customer: ['customer', 'admin', 'customer (web)', 'admin (web)'],
  admin: ['admin', 'admin (web)'],
  cron: ['cron'],
  webhook: ['telegram'],
};

/**
 * A client's percent-encoding, also for text `encodeURIComponent` refuses: an unpaired surrogate goes
 * out as the three bytes UTF-8 would give it (`%ED%A0%BD`), which is what a careless encoder sends.
 */
export function encodeLoosely(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const isHigh = unit >= 0xd800 && unit <= 0xdbff;
    const next = text.charCodeAt(i + 1);
    if (isHigh && next >= 0xdc00 && next <= 0xdfff) {
      out += encodeURIComponent(text.slice(i, i + 2));
      i++;
    } else if (unit >= 0xd800 && unit <= 0xdfff) {
      out += [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    } else {
      out += encodeURIComponent(text[i]!);
    }
  }
  return out;
}

// Written into the URL as they are: escapes that are not UTF-8, a lone `%`, dot segments, a long one.
const RAW_SEGMENTS = ['%', '%%', '%ZZ', '%00', '%C0%80', '%ED%A0%80', '%FF', '%2F', '..', '.', 'a'.repeat(3000)];

function paramArbitrary(pool: ParamPool, pools: FuzzPools & { orderIds: string[]; paymentIds: string[]; slugs: string[] }): fc.Arbitrary<string> {
  const good: Record<ParamPool, string[]> = {
    slug: pools.slugs,
    product: pools.productIds,
    variant: pools.variantIds,
    order: pools.orderIds,
    payment: pools.paymentIds,
    category: pools.categoryIds,
    promo: pools.promoIds,
    'demo-image': pools.slugs.map((slug) => `${slug}.svg`),
    'uploaded-image': pools.images.map((url) => url.split('/').pop()!),
    'webhook-secret': [TEST_WEBHOOK_SECRET],
  };
  const known = good[pool].length > 0 ? fc.constantFrom(...good[pool]) : fc.uuid();
  return fc.oneof(
    { weight: 4, arbitrary: known.map(encodeLoosely) },
    { weight: 2, arbitrary: known.map((v) => encodeLoosely(v.toUpperCase())) },
    { weight: 1, arbitrary: fc.uuid().map(encodeLoosely) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }).map(encodeLoosely) },
    { weight: 2, arbitrary: fc.tuple(known, fc.constantFrom(...UNSTORABLE_CHARS)).map(([v, c]) => encodeLoosely(`${v}${c}`)) },
    { weight: 1, arbitrary: fc.constantFrom(...RAW_SEGMENTS) },
  );
}

type Pair = [string, string];

function queryText(value: unknown): Pair[] {
  const asText = (v: unknown) => (typeof v === 'string' ? v : v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  if (value && typeof value === 'object' && !Array.isArray(value)) return Object.entries(value).map(([k, v]) => [k, asText(v)]);
  return [['q', asText(value)]];
}

function queryArbitrary(route: FuzzRoute): fc.Arbitrary<{ pairs: string; mutation: string }> {
  const junk = fc.constantFrom('x%00=1', '%00', '=', '&&', '%', 'limit=1&limit=2', 'q=%ED%A0%80', `q=${'a'.repeat(5000)}`);
  if (!route.query) {
    return fc.option(junk, { freq: 4 }).map((extra) => ({ pairs: extra ?? '', mutation: extra ? 'junk query' : 'no query' }));
  }
  return fc.tuple(mutatedJson(jsonSchemaOf(route.query), {}), fc.option(junk, { freq: 5 })).map(([{ mutation, value }, extra]) => {
    const pairs = queryText(value).map(([k, v]) => `${encodeLoosely(k)}=${encodeLoosely(v)}`);
    if (extra) pairs.push(extra);
    return { pairs: pairs.join('&'), mutation: `query ${mutation}${extra ? ' + junk' : ''}` };
  });
}

const NOT_JSON = fc.oneof(
  fc.constantFrom('', '{', '{"items": [', 'nul', '\uFEFF{}', '{"a":1}{"b":2}', "{'single': 'quotes'}", '[]', 'null', '"text"', '1e999999'),
  fc.string({ unit: 'binary', maxLength: 50 }),
  // Past the JSON body limit (64 KB).
  fc.constant(JSON.stringify({ pad: 'x'.repeat(70_000) })),
);

const INVALID_UTF8 = fc.constantFrom(
  new Uint8Array([0xff, 0xfe, 0x7b, 0x7d]),
  new Uint8Array([0x7b, 0x22, 0xc0, 0x80, 0x22, 0x7d]),
  new Uint8Array([0xed, 0xa0, 0x80]),
);

function jsonBodyArbitrary(
  route: FuzzRoute & { body: { kind: 'json' } },
): fc.Arbitrary<{ contentType?: string; payload: string | Uint8Array; mutation: string }> {
  const { schema, hints = {}, bases } = route.body;
  const generated = mutatedJson(jsonSchemaOf(schema), hints, bases?.() ?? []);
  return fc.oneof(
    { weight: 10, arbitrary: generated.map(({ mutation, value }) => ({ contentType: 'application/json', payload: JSON.stringify(value) ?? '', mutation })) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(generated, fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'json', undefined))
        .map(([{ value }, contentType]) => ({
          ...(contentType && { contentType }),
          payload: JSON.stringify(value) ?? '',
          mutation: `content type ${contentType ?? 'none'}`,
        })),
    },
    { weight: 1, arbitrary: NOT_JSON.map((payload) => ({ contentType: 'application/json', payload, mutation: 'not JSON' })) },
    { weight: 1, arbitrary: INVALID_UTF8.map((payload) => ({ contentType: 'application/json', payload, mutation: 'not UTF-8' })) },
  );
}

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff, 0xe0];
const GIF = [...'GIF89a'].map((c) => c.charCodeAt(0));
const WEBP = [...'RIFF\0\0\0\0WEBP'].map((c) => c.charCodeAt(0));

function imageBodyArbitrary() {
  const bytes = fc.oneof(
    fc.tuple(fc.constantFrom(PNG, JPEG, GIF, WEBP), fc.uint8Array({ maxLength: 64 })).map(([magic, rest]) => new Uint8Array([...magic, ...rest])),
    fc.uint8Array({ maxLength: 64 }),
    fc.constant(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')),
    fc.constant(new Uint8Array(2 * 1024 * 1024 + 1)),
  );
  const type = fc.constantFrom(
    'image/png',
    'image/jpeg',
    'image/webp',
    'image/gif',
    'IMAGE/PNG',
    'image/png; charset=utf-8',
    'image/svg+xml',
    'text/plain',
    'application/json',
    undefined,
  );
  return fc
    .tuple(bytes, type)
    .map(([payload, contentType]) => ({ ...(contentType && { contentType }), payload, mutation: `image ${contentType ?? 'untyped'} ${payload.length} bytes` }));
}

/** An import file's rows as the catalog CSV: a type column, translations as `title:<lang>` columns. */
function importCsv(value: unknown): string {
  const file = value as { items?: unknown; categories?: unknown };
  if (!file || typeof file !== 'object' || !Array.isArray(file.items) || !Array.isArray(file.categories)) {
    return writeCsv([
      ['slug', 'title'],
      [JSON.stringify(value) ?? '', ''],
    ]);
  }
  const rows = [
    ...file.categories.map((row) => ({ type: 'category', ...(row && typeof row === 'object' ? row : { slug: row }) })),
    ...file.items.map((row) => ({ type: 'product', ...(row && typeof row === 'object' ? row : { slug: row }) })),
  ] as Record<string, unknown>[];
  const flat = rows.map((row) => {
    const cells: Record<string, string> = {};
    for (const [key, v] of Object.entries(row)) {
      if (key === 'translations' && v && typeof v === 'object') {
        for (const [lang, t] of Object.entries(v)) for (const [field, text] of Object.entries(t ?? {})) cells[`${field}:${lang}`] = String(text);
      } else cells[key] = Array.isArray(v) ? v.map(cellText).join(' ') : cellText(v);
    }
    return cells;
  });
  const header = [...new Set(flat.flatMap((cells) => Object.keys(cells)))];
  return writeCsv([header, ...flat.map((cells) => header.map((column) => cells[column] ?? ''))]);
}

/** A value as one CSV cell: objects (a variant, an option) as their JSON, which the import reads as text. */
function cellText(v: unknown): string {
  return v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
}

function importBodyArbitrary() {
  const file = mutatedJson(jsonSchemaOf(IMPORT_FILE), {});
  return fc.oneof(
    {
      weight: 4,
      arbitrary: file.map(({ mutation, value }) => ({
        payload: JSON.stringify({ kind: 'catalog', ...(value as object) }) ?? '',
        mutation: `import JSON ${mutation}`,
      })),
    },
    { weight: 4, arbitrary: file.map(({ mutation, value }) => ({ contentType: 'text/csv', payload: importCsv(value), mutation: `import CSV ${mutation}` })) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('slug,title\n"unclosed,x\n', '', 'title\nno slug column\n', '{"kind":"orders","items":[]}', '{"kind":"catalog","items":[]}')
        .map((payload) => ({ payload, mutation: 'unreadable import' })),
    },
    { weight: 1, arbitrary: INVALID_UTF8.map((payload) => ({ payload, mutation: 'import not UTF-8' })) },
  );
}

function bodyArbitrary(route: FuzzRoute): fc.Arbitrary<{ contentType?: string; payload?: string | Uint8Array; mutation: string }> {
  if (!route.body) {
    if (route.method === 'GET' || route.method === 'DELETE') return fc.constant({ mutation: '' });
    return fc
      .option(fc.jsonValue({ maxDepth: 2 }), { freq: 4 })
      .map((v) => (v === null ? { mutation: '' } : { contentType: 'application/json', payload: JSON.stringify(v), mutation: 'unexpected body' }));
  }
  switch (route.body.kind) {
    case 'json':
      return jsonBodyArbitrary(route as FuzzRoute & { body: { kind: 'json' } });
    case 'image':
      return imageBodyArbitrary();
    case 'import':
      return importBodyArbitrary();
  }
}

function callerArbitrary(audience: Audience, callers: Callers): fc.Arbitrary<string> {
  return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...RIGHT_CALLERS[audience]) }, { weight: 1, arbitrary: fc.constantFrom(...Object.keys(callers)) });
}

/** Requests for one route: good callers mostly, good-looking values mostly, each with one thing wrong. */
export function requestArbitrary(
  route: FuzzRoute,
  pools: FuzzPools & { orderIds: string[]; paymentIds: string[]; slugs: string[] },
  callers: Callers,
): fc.Arbitrary<FuzzRequest> {
  const paramNames = Object.keys(route.params ?? {});
  const params = fc.tuple(...paramNames.map((name) => paramArbitrary(route.params![name]!, pools)));
  return fc
    .tuple(
      callerArbitrary(route.audience, callers),
      params,
      queryArbitrary(route),
      bodyArbitrary(route),
      fc.option(fc.string({ unit: 'grapheme-ascii', maxLength: 30 }), { freq: 3 }),
    )
    .map(([caller, values, query, body, garbageAuth]) => {
      let path = route.path;
      paramNames.forEach((name, i) => (path = path.replace(`:${name}`, values[i]!)));
      const headers: Record<string, string> = { ...callers[caller] };
      // Now and then a header nobody signed, in place of the caller's.
      if (garbageAuth !== null && caller === 'nobody') headers.authorization = `tma ${garbageAuth}`;
      if (body.contentType) headers['content-type'] = body.contentType;
      return {
        method: route.method,
        url: query.pairs ? `${path}?${query.pairs}` : path,
        caller,
        headers,
        ...(body.payload !== undefined && { body: body.payload }),
        mutation: [query.mutation, body.mutation].filter(Boolean).join('; ') || 'as generated',
      };
    });
}
