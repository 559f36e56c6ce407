/** A response reduced to what two hosts must agree on. */
export interface Answer {
  status: number;
  contentType: string;
  body: unknown;
}

export async function readAnswer(response: Response): Promise<Answer> {
  const contentType = response.headers.get('content-type') ?? '';
  const text = await response.text();
  return { status: response.status, contentType, body: contentType.includes('json') ? JSON.parse(text) : text };
}

// Values that differ by nature between two shops over two databases: ids, order codes (random), times,
// hashes of chain transactions, and the comment/payload that carry the order's code.
const VARYING_KEYS = new Set([
  'id',
  'productId',
  'variantId',
  'orderId',
  'code',
  'orderCode',
  'comment',
  'payload',
  'validUntil',
  'createdAt',
  'updatedAt',
  'expiresAt',
  // A quote's: when its rate was current and until when it holds (the order's expiry).
  'fetchedAt',
  'lockedUntil',
  'paidAt',
  'chainTime',
  'recordedAt',
  'txHash',
  'lt',
  'payerAddress',
  'ms',
]);

/**
 * The answer with every varying value replaced by a marker of its kind (`<string>`, `<null>`), so that
 * two hosts' answers compare equal exactly when they agree on everything else. A value's absence or
 * presence still counts.
 */
export function normalizeAnswer(answer: Answer): unknown {
  return { status: answer.status, body: mask(answer.body, false) };
}

function mask(value: unknown, varying: boolean): unknown {
  if (Array.isArray(value)) return value.map((item) => mask(item, varying));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, mask(inner, varying || VARYING_KEYS.has(key))]));
  }
  return varying ? `<${value === null ? 'null' : typeof value}>` : value;
}

/** Keeps only the answer's shape: every value becomes its kind (for reports whose counts depend on history). */
export function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shapeOf);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shapeOf(v)]));
  return `<${value === null ? 'null' : typeof value}>`;
}
