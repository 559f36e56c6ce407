import type { Catalog, Order, Product } from '../domain/types';

/** A 4xx/5xx answer in the API's `{ error: { code, message } }` shape (docs/api.md). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The whole error body (an import's 422 lists its bad rows there); undefined when it was not JSON. */
    readonly body?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The request never got an answer (offline, DNS, timeout). */
export class NetworkError extends Error {
  readonly code = 'NETWORK_ERROR';
  constructor(cause: unknown) {
    super('The shop could not be reached', { cause });
    this.name = 'NetworkError';
  }
}

export interface ApiClient {
  getCatalog(): Promise<Catalog>;
  getProduct(slug: string): Promise<Product>;
  listOrders(): Promise<Order[]>;
  getOrder(id: string): Promise<Order>;
  /** Hands the shop what the wallet signed (TON Connect `sendTransaction` → `boc`); answers the order. */
  submitPayment(orderId: string, boc: string): Promise<Order>;
  /** Any other JSON call (sign-in, account); `auth` marks one that needs the caller signed in. */
  call<T>(path: string, init?: ApiCallInit): Promise<T>;
}

export interface ApiCallInit {
  method?: string;
  body?: unknown;
  auth?: boolean;
}

/** Why a web visitor is sent to sign in: not signed in yet, or the shop ended the session (401). */
export type SignInReason = 'required' | 'ended';

export interface ApiClientOptions {
  fetch: typeof fetch;
  /** Sent as `Authorization: tma <initDataRaw>` when non-empty. */
  initDataRaw: string;
  baseUrl?: string;
  timeoutMs?: number;
  /** The language the catalog's product texts should come in (`?locale=`); the server falls back. */
  locale?: () => string;
  /**
   * Web mode only (no initData): whether this browser holds a session, so a call that needs one is not
   * even sent without it (a 401 is an error line in every browser console) …
   */
  signedIn?: () => boolean;
  /** … and what to do then, or when the shop answers 401: send the person to sign in. */
  onSignInNeeded?: (reason: SignInReason) => void;
}

export async function readError(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
    const { code, message } = body.error ?? {};
    if (typeof code === 'string') {
      return new ApiError(response.status, code, typeof message === 'string' ? message : code, body);
    }
  } catch {
    // Not JSON (a proxy's HTML error page, say): fall through to a generic error.
  }
  return new ApiError(response.status, `HTTP_${response.status}`, response.statusText || 'Request failed');
}

export interface HttpInit {
  method?: string;
  /** Already encoded; see `contentType`. */
  body?: BodyInit;
  contentType?: string;
  /** More request headers (a file upload's name). */
  headers?: Record<string, string>;
}

/**
 * The one HTTP layer of the Mini App: signs the call (`Authorization: tma <initData>`), times it out,
 * and turns a 4xx/5xx into an ApiError and no answer into a NetworkError. Answers the raw Response.
 */
export function createHttp(options: Pick<ApiClientOptions, 'fetch' | 'initDataRaw' | 'baseUrl' | 'timeoutMs'>) {
  const { fetch: doFetch, initDataRaw, baseUrl = '', timeoutMs = 15_000 } = options;
  return async (path: string, init: HttpInit = {}): Promise<Response> => {
    const headers: Record<string, string> = { Accept: 'application/json', ...init.headers };
    if (initDataRaw) headers.Authorization = `tma ${initDataRaw}`;
    if (init.contentType) headers['Content-Type'] = init.contentType;
    let response: Response;
    try {
      response = await doFetch(baseUrl + path, {
        method: init.method ?? 'GET',
        headers,
        body: init.body,
        // The web session's cookie (HttpOnly: the page never sees it) goes to our own origin only.
        credentials: 'same-origin',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (cause) {
      throw new NetworkError(cause);
    }
    if (!response.ok) throw await readError(response);
    return response;
  };
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const { initDataRaw, locale, signedIn, onSignInNeeded } = options;
  const http = createHttp(options);
  const inLocale = (path: string) => (locale ? `${path}?locale=${encodeURIComponent(locale())}` : path);
  // The web's gate: only without initData, and only for calls that need someone signed in.
  const gate = !initDataRaw && onSignInNeeded;

  async function request<T>(path: string, init: ApiCallInit = {}): Promise<T> {
    const gated = gate && init.auth;
    if (gated && !signedIn?.()) {
      gate('required');
      throw new ApiError(401, 'SIGN_IN_REQUIRED', 'Sign in to continue.');
    }
    let response: Response;
    try {
      response = await http(path, {
        method: init.method,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        contentType: init.body === undefined ? undefined : 'application/json',
      });
    } catch (error) {
      // The session is gone (or was never sent); a link call's bad widget data is a 401 of its own.
      if (gated && error instanceof ApiError && error.status === 401 && /^(SESSION_|INIT_DATA_MISSING)/.test(error.code)) gate('ended');
      throw error;
    }
    return (await response.json()) as T;
  }

  return {
    getCatalog: () => request<Catalog>(inLocale('/api/catalog')),
    getProduct: (slug) => request<Product>(inLocale(`/api/products/${encodeURIComponent(slug)}`)),
    listOrders: async () => (await request<{ orders: Order[] }>('/api/orders', { auth: true })).orders,
    getOrder: (id) => request<Order>(`/api/orders/${encodeURIComponent(id)}`, { auth: true }),
    submitPayment: (id, boc) => request<Order>(`/api/orders/${encodeURIComponent(id)}/payment`, { method: 'POST', body: { boc }, auth: true }),
    call: request,
  };
}
