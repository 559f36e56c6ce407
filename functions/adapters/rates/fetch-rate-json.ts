/** fetch, as the rate sources use it (tests pass a fake's own `fetch`). */
export type FetchFn = (input: string, init?: RequestInit) => Promise<Response>;

/**
 * GETs a rate source's JSON once, within `timeoutMs`. No retries: a checkout is waiting, and the book
 * asks every source at once and takes what answered, so one slow source costs nothing but its vote.
 * @throws Error naming the source on a network failure, a timeout, a non-2xx answer or a body that is not JSON
 */
export async function fetchRateJson(
  source: string,
  url: string,
  options: { fetch?: FetchFn; headers?: Record<string, string>; timeoutMs: number },
): Promise<unknown> {
  const doFetch: FetchFn = options.fetch ?? ((input, init) => fetch(input, init));
  let response: Response;
  let text: string;
  try {
    response = await doFetch(url, { headers: { accept: 'application/json', ...options.headers }, signal: AbortSignal.timeout(options.timeoutMs) });
    text = await response.text();
  } catch (error) {
    throw new Error(`${source}: unreachable (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!response.ok) throw new Error(`${source}: HTTP ${response.status} ${text.slice(0, 200)}`);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new Error(`${source}: HTTP ${response.status} with a body that is not JSON`);
  }
}
