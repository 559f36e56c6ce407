import { toRawAddress } from '../../core/payments/chain-address';
import { ChainUnavailableError, type ChainTransaction } from '../../core/payments/chain-reader';
import { parseJsonKeepingBigInts } from './json-big-int';

/** How hard a reader tries before it reports the indexer unavailable. */
export interface RetryPolicy {
  /** Requests in all, the first included. */
  attempts: number;
  /** Wait before the second request; doubled for each next one (with jitter), up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Time budget for one call, all attempts and waits included. */
  deadlineMs: number;
  /** Time one request may take. */
  requestTimeoutMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 5,
  baseDelayMs: 250,
  maxDelayMs: 4_000,
  deadlineMs: 15_000,
  requestTimeoutMs: 8_000,
};

export type FetchFn = (input: string, init?: RequestInit) => Promise<Response>;

/** What every indexer reader takes: where the indexer is, its key, and optionally how to reach it. */
export interface IndexerReaderOptions {
  baseUrl: string;
  apiKey?: string;
  fetch?: FetchFn;
  retry?: Partial<RetryPolicy>;
}

export interface IndexerClient {
  /**
   * GET `path` (with query) and parse the JSON answer. `null` for a 404 answered in JSON when
   * `notFoundIsNull` (the indexer's own "no such thing"; a 404 page from a proxy is an outage).
   * @throws ChainUnavailableError once retries run out, the deadline passes, or the indexer refuses
   */
  getJson(path: string, options?: { notFoundIsNull?: boolean }): Promise<unknown>;
  /** POST `body` as JSON to `path` and parse the JSON answer, with the same retries as getJson. */
  postJson(path: string, body: unknown): Promise<unknown>;
}

/**
 * A small HTTP client for an indexer: retries network failures, timeouts, 429 and 5xx with exponential
 * backoff and jitter inside a total deadline; other 4xx answers fail at once (a bad key will not get
 * better). Every failure becomes a ChainUnavailableError naming the indexer, never a payment verdict.
 */
export function createIndexerClient(options: {
  name: string;
  baseUrl: string;
  headers: Record<string, string>;
  fetch?: FetchFn;
  retry?: Partial<RetryPolicy>;
}): IndexerClient {
  const policy = { ...DEFAULT_RETRY, ...options.retry };
  const doFetch: FetchFn = options.fetch ?? ((input, init) => fetch(input, init));
  const baseUrl = options.baseUrl.replace(/\/+$/, '');

  // Get-methods and lookups only read, so a POST is retried like a GET.
  async function requestJson(path: string, request: { notFoundIsNull: boolean; body?: string }): Promise<unknown> {
    const { notFoundIsNull } = request;
    const deadline = Date.now() + policy.deadlineMs;
    let problem = 'no attempt made';
    for (let attempt = 1; attempt <= policy.attempts; attempt++) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) break;
      const outcome = await attemptOnce(doFetch, `${baseUrl}${path}`, options.headers, Math.min(policy.requestTimeoutMs, remaining), request.body);
      if (outcome.kind === 'ok') return outcome.body;
      if (outcome.kind === 'not_found' && notFoundIsNull) return null;
      problem = outcome.problem;
      if (outcome.kind !== 'retry') break;
      const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2);
      const wait = Math.max(backoff, outcome.retryAfterMs ?? 0);
      if (attempt === policy.attempts || Date.now() + wait >= deadline) break;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
    throw new ChainUnavailableError(`${options.name}: ${problem}`);
  }

  return {
    getJson: (path, { notFoundIsNull = false } = {}) => requestJson(path, { notFoundIsNull }),
    postJson: (path, body) => requestJson(path, { notFoundIsNull: false, body: JSON.stringify(body) }),
  };
}

type Outcome =
  | { kind: 'ok'; body: unknown }
  | { kind: 'not_found'; problem: string }
  | { kind: 'retry'; problem: string; retryAfterMs?: number }
  | { kind: 'fail'; problem: string };

async function attemptOnce(doFetch: FetchFn, url: string, headers: Record<string, string>, timeoutMs: number, requestBody?: string): Promise<Outcome> {
  let response: Response;
  let text: string;
  try {
    const signal = AbortSignal.timeout(timeoutMs);
    response = await doFetch(
      url,
      requestBody === undefined
        ? { headers: { accept: 'application/json', ...headers }, signal }
        : { method: 'POST', headers: { accept: 'application/json', 'content-type': 'application/json', ...headers }, body: requestBody, signal },
    );
    text = await response.text();
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    return { kind: 'retry', problem: timedOut ? `no answer within ${timeoutMs} ms` : `unreachable (${errorText(error)})` };
  }
  const body = tryParse(text);
  const said = body && typeof body === 'object' && 'error' in body ? `: ${String((body as { error: unknown }).error).slice(0, 200)}` : '';
  if (response.ok) {
    return body === undefined ? { kind: 'retry', problem: `HTTP ${response.status} with a body that is not JSON` } : { kind: 'ok', body };
  }
  if (response.status === 404 && body !== undefined) return { kind: 'not_found', problem: `HTTP 404${said}` };
  if (response.status === 429 || response.status === 408 || response.status >= 500) {
    const retryAfter = Number(response.headers.get('retry-after'));
    return { kind: 'retry', problem: `HTTP ${response.status}${said}`, retryAfterMs: retryAfter > 0 ? retryAfter * 1000 : undefined };
  }
  return { kind: 'fail', problem: `HTTP ${response.status}${said}` };
}

function tryParse(text: string): unknown {
  try {
    return parseJsonKeepingBigInts(text);
  } catch {
    return undefined;
  }
}

function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  return cause instanceof Error ? `${error.message}: ${cause.message}` : error.message;
}

/** A message hash as the port passes it: 64 hex characters (a caller bug otherwise). */
export function requireHashHex(hashHex: string): string {
  if (!/^[0-9a-fA-F]{64}$/.test(hashHex)) throw new TypeError('A message hash must be 64 hex characters');
  return hashHex.toLowerCase();
}

/**
 * The port's cursor rule on what an indexer listed: only lt greater than `afterLt`, oldest first, at
 * most `limit` (an indexer that includes the cursor itself, or pages loosely, cannot cause a repeat).
 */
export function oldestFirstAfter(transactions: ChainTransaction[], afterLt: bigint, limit: number): ChainTransaction[] {
  return transactions
    .filter((tx) => tx.lt > afterLt)
    .sort((a, b) => (a.lt < b.lt ? -1 : a.lt > b.lt ? 1 : 0))
    .slice(0, limit);
}

/** An address from an indexer's answer, raw; one that does not parse means the answer is not usable. */
export function indexerAddress(indexer: string, address: string): string {
  try {
    return toRawAddress(address);
  } catch {
    throw new ChainUnavailableError(`${indexer}: an address that does not parse (${address.slice(0, 80)})`);
  }
}
