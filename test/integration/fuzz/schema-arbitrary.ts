import fc from 'fast-check';
import { z } from 'zod';

// Values generated from the API's own zod schemas, through their JSON Schema (z.toJSONSchema, the input
// side, so a transform's input is what is generated): well-formed ones that reach deep into a route, and
// mutations of them that must all be refused with a 4xx.

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
};

export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

/** Values the generator uses for fields it knows by name (ids that exist, prices in digits). */
export type FieldHints = Record<string, fc.Arbitrary<unknown>>;

const U0000 = '\u0000';
const LONE_HIGH = '\uD83D';
const LONE_LOW = '\uDE00';
/** The characters PostgreSQL cannot store: every string of a request gets them in turn. */
export const UNSTORABLE_CHARS = [U0000, LONE_HIGH, LONE_LOW] as const;

// Text a person could type: any printable grapheme (emoji, RTL, combining marks), now and then any code
// point at all but U+0000 (control characters are text too).
const validText = (minLength: number, maxLength: number) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.string({ unit: 'grapheme', minLength, maxLength }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength, maxLength }).map((s) => s.replaceAll(U0000, ' ')) },
  );

function stringArbitrary(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.format === 'uuid')
    return fc.oneof(
      fc.uuid(),
      fc.uuid().map((id) => id.toUpperCase()),
    );
  if (schema.pattern) {
    try {
      return fc.stringMatching(new RegExp(schema.pattern), { maxLength: Math.min(schema.maxLength ?? 40, 40) });
    } catch {
      // A pattern fast-check cannot generate from (a lookahead): plain text, which the route mostly refuses.
    }
  }
  const min = schema.minLength ?? 0;
  return validText(min, Math.max(min, Math.min(schema.maxLength ?? 24, 24)));
}

/** A value the schema describes (what a correct client sends), with hints for fields known by name. */
export function arbitraryOf(schema: JsonSchema, hints: FieldHints = {}, depth = 0): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) return fc.oneof(...branches.map((branch) => arbitraryOf(branch, hints, depth)));
  if (Array.isArray(schema.type)) return fc.oneof(...schema.type.map((type) => arbitraryOf({ ...schema, type }, hints, depth)));
  switch (schema.type) {
    case 'string':
      return stringArbitrary(schema);
    case 'integer':
      return fc.integer({ min: Math.max(schema.minimum ?? -1000, -(2 ** 31)), max: Math.min(schema.maximum ?? 1_000_000, 2 ** 31 - 1) });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const min = schema.minItems ?? 0;
      return fc.array(schema.items ? arbitraryOf(schema.items, hints, depth + 1) : fc.jsonValue({ maxDepth: 1 }), {
        minLength: min,
        maxLength: Math.max(min, Math.min(schema.maxItems ?? 4, 4)),
      });
    }
    case 'object':
      return objectArbitrary(schema, hints, depth);
    default:
      return fc.jsonValue({ maxDepth: depth > 2 ? 0 : 2 });
  }
}

function objectArbitrary(schema: JsonSchema, hints: FieldHints, depth: number): fc.Arbitrary<unknown> {
  const properties = Object.fromEntries(
    Object.entries(schema.properties ?? {}).map(([key, inner]) => [key, hints[key] ?? arbitraryOf(inner, hints, depth + 1)]),
  );
  const known = fc.record(properties, { requiredKeys: (schema.required ?? []).filter((key) => key in properties) });
  const extra = schema.additionalProperties;
  if (!extra || typeof extra !== 'object') return known;
  // A record (translations by language) or a loose object (a Telegram update): some entries of its own.
  const keys = schema.propertyNames ? arbitraryOf(schema.propertyNames) : fc.string({ minLength: 1, maxLength: 12 });
  const entries = fc.dictionary(keys as fc.Arbitrary<string>, arbitraryOf(extra, hints, depth + 1), { maxKeys: 2 });
  return fc.tuple(known, entries).map(([a, b]) => ({ ...b, ...(a as object) }));
}

type Path = (string | number)[];

/** Every place in a JSON value (the root included), for a mutation to pick one. */
export function pathsOf(value: unknown, path: Path = []): Path[] {
  const here = [path];
  if (Array.isArray(value)) return [...here, ...value.slice(0, 8).flatMap((item, i) => pathsOf(item, [...path, i]))];
  if (value !== null && typeof value === 'object') return [...here, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...path, k]))];
  return here;
}

/** The part of a JSON Schema that describes `path`, as far as it can be followed. */
export function schemaAt(schema: JsonSchema, path: Path): JsonSchema {
  let here: JsonSchema = schema;
  for (const key of path) {
    const branch = (here.anyOf ?? here.oneOf)?.find((b) => b.type === 'object' || b.type === 'array') ?? here;
    if (typeof key === 'number') here = branch.items ?? {};
    else here = branch.properties?.[key] ?? (typeof branch.additionalProperties === 'object' ? branch.additionalProperties : {});
  }
  return here;
}

function valueAt(value: unknown, path: Path): unknown {
  let here = value;
  for (const key of path) here = (here as Record<string | number, unknown>)[key];
  return here;
}

function setAt(value: unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [key, ...rest] = path;
  if (Array.isArray(value)) return value.map((item, i) => (i === key ? setAt(item, rest, replacement) : item));
  const record = value as Record<string, unknown>;
  return { ...record, [key as string]: setAt(record[key as string], rest, replacement) };
}

function removeAt(value: unknown, path: Path): unknown {
  if (path.length === 0) return undefined;
  const parent = path.slice(0, -1);
  const key = path.at(-1)!;
  let container: unknown = value;
  for (const p of parent) container = (container as Record<string | number, unknown>)[p];
  if (Array.isArray(container))
    return setAt(
      value,
      parent,
      container.filter((_, i) => i !== key),
    );
  const { [key as string]: _gone, ...rest } = container as Record<string, unknown>;
  return setAt(value, parent, rest);
}

/** Every string in a value (and every key) with one unstorable character put somewhere in it. */
export function poisonStrings(value: unknown, char: string, at: number): unknown {
  const poison = (s: string) => {
    const i = s.length === 0 ? 0 : at % (s.length + 1);
    return `${s.slice(0, i)}${char}${s.slice(i)}`;
  };
  if (typeof value === 'string') return poison(value);
  if (Array.isArray(value)) return value.map((item) => poisonStrings(item, char, at));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [poison(k), poisonStrings(v, char, at)]));
  }
  return value;
}

const UUID_SHAPED = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every uuid in a value in upper case: the same ids, as some clients write them. */
export function upperCaseIds(value: unknown): unknown {
  if (typeof value === 'string') return UUID_SHAPED.test(value) ? value.toUpperCase() : value;
  if (Array.isArray(value)) return value.map(upperCaseIds);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, upperCaseIds(v)]));
  return value;
}

/** Values of the wrong kind or out of bounds for what `schema` describes at one place. */
function badValueFor(schema: JsonSchema): fc.Arbitrary<unknown> {
  const bounds: unknown[] = [];
  if (schema.maxLength !== undefined) bounds.push('x'.repeat(schema.maxLength + 1));
  if (schema.minLength) bounds.push('');
  if (schema.maximum !== undefined) bounds.push(schema.maximum + 1, schema.maximum + 0.5);
  if (schema.minimum !== undefined) bounds.push(schema.minimum - 1, schema.minimum - 0.5);
  if (schema.maxItems !== undefined) bounds.push(Array.from({ length: schema.maxItems + 1 }, () => 'x'));
  if (schema.format === 'uuid') bounds.push('0'.repeat(36), '-'.repeat(36), `${'a'.repeat(8)}-aaaa-aaaa-aaaa-${'a'.repeat(11)}g`);
  const generic = fc.oneof(
    fc.constantFrom<unknown>(null, true, false, 0, -1, 0.5, -0.5, 1e308, -1e308, 2 ** 53 + 2, '', ' ', '0', '-1', '1e400', '1.5', 'NaN', [], {}, [null]),
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc.integer(),
    fc.double({ noNaN: true }),
    fc.constantFrom(...UNSTORABLE_CHARS).map((c) => `ok${c}`),
    fc.jsonValue({ maxDepth: 2 }),
    // Long text and a long list, past any limit the schema sets (but inside the body limit).
    fc.constant('ÿ'.repeat(20_000)),
    fc.constant(Array.from({ length: 3_000 }, (_, i) => i)),
  );
  return bounds.length > 0 ? fc.oneof(fc.constantFrom(...bounds), generic) : generic;
}

export type BodyMutation =
  'as-generated' | 'poison-one-string' | 'poison-every-string' | 'bad-value-at-one-place' | 'drop-a-field' | 'add-a-field' | 'upper-case-ids' | 'not-the-shape';

/**
 * A JSON value for `schema`, then one mutation of it. `bases` are known-good examples (a signed proof, an
 * order of products that exist) to start from besides the generated ones, so a mutation can reach past
 * the checks that a generated value rarely gets through (signatures, existing ids).
 */
export function mutatedJson(schema: JsonSchema, hints: FieldHints, bases: unknown[] = []): fc.Arbitrary<{ mutation: BodyMutation; value: unknown }> {
  const base = bases.length > 0 ? fc.oneof(arbitraryOf(schema, hints), fc.constantFrom(...bases)) : arbitraryOf(schema, hints);
  return fc
    .tuple(
      base,
      fc.constantFrom<BodyMutation>(
        'as-generated',
        'poison-one-string',
        'poison-one-string',
        'poison-one-string',
        'poison-every-string',
        'bad-value-at-one-place',
        'bad-value-at-one-place',
        'drop-a-field',
        'add-a-field',
        'upper-case-ids',
        'not-the-shape',
      ),
      fc.constantFrom(...UNSTORABLE_CHARS),
      fc.nat(),
      fc.nat(),
    )
    .chain(([value, mutation, char, at, pick]): fc.Arbitrary<{ mutation: BodyMutation; value: unknown }> => {
      const paths = pathsOf(value);
      const path = paths[pick % paths.length]!;
      switch (mutation) {
        case 'as-generated':
          return fc.constant({ mutation, value });
        case 'poison-one-string': {
          // One field at a time, the others left valid: the poisoned one is what reaches the database.
          const strings = paths.filter((p) => typeof valueAt(value, p) === 'string');
          if (strings.length === 0) return fc.constant({ mutation, value: poisonStrings(value, char, at) });
          const target = strings[pick % strings.length]!;
          return fc.constant({ mutation, value: setAt(value, target, poisonStrings(valueAt(value, target), char, at)) });
        }
        case 'poison-every-string':
          return fc.constant({ mutation, value: poisonStrings(value, char, at) });
        case 'bad-value-at-one-place':
          return badValueFor(schemaAt(schema, path)).map((bad) => ({ mutation, value: setAt(value, path, bad) }));
        case 'drop-a-field':
          return fc.constant({ mutation, value: path.length > 0 ? removeAt(value, path) : {} });
        case 'add-a-field':
          return fc
            .tuple(
              fc.oneof(
                fc.string({ maxLength: 12 }),
                fc.constantFrom(...UNSTORABLE_CHARS).map((c) => `f${c}`),
              ),
              fc.jsonValue({ maxDepth: 1 }),
            )
            .map(([key, extra]) => ({
              mutation,
              value: value && typeof value === 'object' && !Array.isArray(value) ? { ...value, [key]: extra } : { [key]: extra },
            }));
        case 'upper-case-ids':
          return fc.constant({ mutation, value: upperCaseIds(value) });
        case 'not-the-shape':
          return fc.jsonValue({ maxDepth: 3 }).map((other) => ({ mutation, value: other }));
      }
    });
}
