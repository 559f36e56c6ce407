import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for api.telegram.org, which tests cannot reach. It speaks the Bot API's wire format
 * (core.telegram.org/bots/api#making-requests): `POST /bot<token>/<method>` with a JSON body (or
 * multipart/form-data, which a file upload needs: each parameter a part, the file a part with its name), answered
 * `{ ok: true, result }` or `{ ok: false, error_code, description, parameters? }`. A wrong token is
 * 401 Unauthorized and an unknown method 404 Not Found, as Telegram answers; unknown methods are also kept
 * in `unexpected` so a test can fail on them.
 */
export interface FakeBotApi {
  token: string;
  /** Every well-formed call, in arrival order. */
  calls: { method: string; params: Record<string, unknown> }[];
  /** Calls to methods this fake does not know. */
  unexpected: string[];
  /** `fetch` into the fake, in-process (give it to createBotApiClient). */
  fetch: typeof fetch;
  /** The base URL to use with `fetch` above (any host: the fetch never leaves the process). */
  baseUrl: string;
  /** Queue one scripted answer for the next call of `method` (e.g. a 429 or a 500); FIFO per method. */
  failNext(method: string, failure: FakeFailure): void;
  /** Calls of `method` so far, params only. */
  callsOf(method: string): Record<string, unknown>[];
  /** Calls Telegram would have carried out (answered `ok: true`), in order: what people actually got. */
  succeeded: { method: string; params: Record<string, unknown> }[];
  /** Decides a failure for any call (after the scripted ones): a test's chaos, e.g. random 429s and 500s. */
  failWhen: ((method: string, params: Record<string, unknown>) => FakeFailure | null) | null;
  /**
   * Telegram Stars, as the bot's account sees them. `payInvoice` is a customer paying an invoice link the
   * bot made with createInvoiceLink: Telegram records the incoming StarTransaction (its id is the charge
   * id) and returns what the `successful_payment` message then carries, for the test to post to the
   * webhook (or not, to play a missed update). Pay the same link twice for a double payment.
   */
  stars: {
    invoices: ReadonlyMap<string, FakeInvoice>;
    transactions: readonly FakeStarTransaction[];
    payInvoice(invoiceUrl: string, payer: { id: number; first_name?: string }, at?: Date): FakeSuccessfulPayment;
  };
  /** Serves the fake over real HTTP on 127.0.0.1 (for a child process or a browser); returns its URL. */
  listen(): Promise<string>;
  close(): Promise<void>;
}

export type FakeFailure =
  | { kind: 'error'; errorCode: number; description: string; retryAfter?: number }
  /** A gateway failure with a non-JSON body, as a proxy in front of Telegram may answer. */
  | { kind: 'http'; status: number; body: string }
  /** The connection drops: fetch rejects. */
  | { kind: 'network' };

/** What createInvoiceLink was asked for, kept under the link's slug. */
export interface FakeInvoice {
  title: string;
  description: string;
  payload: string;
  currency: string;
  prices: { label: string; amount: number }[];
}

/**
 * core.telegram.org/bots/api#startransaction: `source` for an incoming payment (a TransactionPartnerUser
 * with the invoice payload), `receiver` for an outgoing refund, which keeps the original charge's id.
 */
export interface FakeStarTransaction {
  id: string;
  amount: number;
  date: number;
  source?: { type: 'user'; transaction_type: 'invoice_payment'; user: { id: number; is_bot: false; first_name: string }; invoice_payload: string };
  receiver?: { type: 'user'; user: { id: number; is_bot: false; first_name: string } };
}

/** A file part of a multipart call, as the fake keeps it in `calls` (the bytes as they arrived). */
export interface FakeUploadedFile {
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
}

/** core.telegram.org/bots/api#successfulpayment, for Stars (no provider charge id of substance). */
export interface FakeSuccessfulPayment {
  currency: string;
  total_amount: number;
  invoice_payload: string;
  telegram_payment_charge_id: string;
  provider_payment_charge_id: string;
}

const BOT_USER = { id: 7000000001, is_bot: true, first_name: 'Bazaar Test Shop', username: 'bazaar_test_bot' };

/** What Telegram says of an inline result missing what its type requires, or null when it is whole. */
function inlineResultProblem(result: Record<string, unknown>): string | null {
  const id = result.id;
  const bytes = typeof id === 'string' ? new TextEncoder().encode(id).length : 0;
  if (bytes < 1 || bytes > 64) return 'Bad Request: RESULT_ID_INVALID';
  if (result.type === 'photo') {
    return typeof result.photo_url === 'string' && typeof result.thumbnail_url === 'string' ? null : 'Bad Request: PHOTO_INVALID';
  }
  if (result.type === 'article') {
    const content = result.input_message_content as { message_text?: unknown } | undefined;
    if (typeof result.title !== 'string' || result.title === '') return 'Bad Request: RESULT_TITLE_EMPTY';
    return typeof content?.message_text === 'string' && content.message_text !== '' ? null : 'Bad Request: MESSAGE_EMPTY';
  }
  return 'Bad Request: RESULT_TYPE_INVALID';
}

/** A chat as Telegram describes it: ids from -1000000000000 down are channels and supergroups, other negatives groups. */
function chatOf(chatId: unknown): { id: number | string; type: string } {
  // A messenger with Telegram's API may use text ids (core/messenger/messenger-id.ts): a person's chat, then.
  if (typeof chatId === 'string' && !/^-?\d+$/.test(chatId)) return { id: chatId, type: 'private' };
  const id = Number(chatId);
  return { id, type: id <= -1_000_000_000_000 ? 'channel' : id < 0 ? 'group' : 'private' };
}

/** Telegram refuses a web_app button anywhere but a private chat (BUTTON_TYPE_INVALID). */
function buttonProblem(chatId: unknown, markup: unknown): string | null {
  const rows = (markup as { inline_keyboard?: unknown } | undefined)?.inline_keyboard;
  if (markup === undefined) return null;
  if (!Array.isArray(rows)) return "Bad Request: can't parse reply keyboard markup JSON object";
  const buttons = rows.flat() as Record<string, unknown>[];
  if (buttons.some((b) => typeof b.text !== 'string' || b.text === '')) return 'Bad Request: BUTTON_TEXT_INVALID';
  if (chatOf(chatId).type !== 'private' && buttons.some((b) => b.web_app !== undefined)) return 'Bad Request: BUTTON_TYPE_INVALID';
  if (buttons.some((b) => typeof b.url === 'string' && !/^(https?|tg):\/\//.test(b.url))) return 'Bad Request: BUTTON_URL_INVALID';
  return null;
}

/**
 * A multipart call's parameters as the Bot API reads them: text parts as they are (`chat_id` a number
 * when it is one; reply_markup JSON parsed), file parts as FakeUploadedFile.
 */
async function formParams(form: FormData): Promise<Record<string, unknown>> {
  const params: Record<string, unknown> = {};
  for (const [name, value] of form.entries()) {
    if (typeof value !== 'string') {
      params[name] = { fileName: value.name, contentType: value.type, bytes: new Uint8Array(await value.arrayBuffer()) } satisfies FakeUploadedFile;
    } else if (name === 'chat_id' && /^-?\d+$/.test(value)) params[name] = Number(value);
    else if (name === 'reply_markup') params[name] = JSON.parse(value) as unknown;
    else params[name] = value;
  }
  return params;
}

export function createFakeBotApi(options: { token: string }): FakeBotApi {
  const calls: FakeBotApi['calls'] = [];
  const unexpected: string[] = [];
  const scripted = new Map<string, FakeFailure[]>();
  let nextMessageId = 1;
  let webhook: { url: string; allowed_updates?: string[] } = { url: '' };
  let server: Server | undefined;
  const answeredInlineQueries = new Set<string>();
  const answeredCallbacks = new Set<string>();
  const answeredPreCheckoutQueries = new Set<string>();
  const invoices = new Map<string, FakeInvoice>();
  const starTransactions: FakeStarTransaction[] = [];
  let nextCharge = 1;

  const ok = (result: unknown) => Response.json({ ok: true, result });
  const fail = (status: number, description: string, parameters?: object) =>
    Response.json({ ok: false, error_code: status, description, ...(parameters && { parameters }) }, { status });

  const methods: Record<string, (params: Record<string, unknown>) => Response> = {
    getMe: () => ok(BOT_USER),
    sendMessage: (params) => {
      if (typeof params.chat_id !== 'number' && typeof params.chat_id !== 'string') return fail(400, 'Bad Request: chat_id is empty');
      if (typeof params.text !== 'string' || params.text.trim() === '') return fail(400, 'Bad Request: message text is empty');
      if (params.text.length > 4096) return fail(400, 'Bad Request: message is too long');
      const problem = buttonProblem(params.chat_id, params.reply_markup);
      if (problem) return fail(400, problem);
      return ok({ message_id: nextMessageId++, date: Math.floor(Date.now() / 1000), chat: chatOf(params.chat_id), text: params.text });
    },
    // core.telegram.org/bots/api#sendphoto: a photo by URL or file_id, a caption of at most 1024 characters;
    // channels (chat ids -100…) take url buttons only, as every chat but a private one does.
    sendPhoto: (params) => {
      if (typeof params.chat_id !== 'number' && typeof params.chat_id !== 'string') return fail(400, 'Bad Request: chat_id is empty');
      if (typeof params.photo !== 'string' || params.photo === '') return fail(400, 'Bad Request: there is no photo in the request');
      if (/^\w+:/.test(params.photo) && !params.photo.startsWith('https://') && !params.photo.startsWith('http://')) {
        return fail(400, 'Bad Request: wrong HTTP URL specified');
      }
      if (typeof params.caption === 'string' && params.caption.length > 1024) return fail(400, 'Bad Request: message caption is too long');
      const problem = buttonProblem(params.chat_id, params.reply_markup);
      if (problem) return fail(400, problem);
      return ok({
        message_id: nextMessageId++,
        date: Math.floor(Date.now() / 1000),
        chat: chatOf(params.chat_id),
        photo: [{ file_id: `photo-${nextMessageId}` }],
      });
    },
    // core.telegram.org/bots/api#senddocument: the file uploaded as the `document` part (or a file_id/URL
    // string), a caption of at most 1024 characters. The answer is the Message with its `document`.
    sendDocument: (params) => {
      if (typeof params.chat_id !== 'number' && typeof params.chat_id !== 'string') return fail(400, 'Bad Request: chat_id is empty');
      const document = params.document as FakeUploadedFile | string | undefined;
      if (document === undefined || document === '') return fail(400, 'Bad Request: there is no document in the request');
      if (typeof document !== 'string' && document.bytes.byteLength === 0) return fail(400, 'Bad Request: file must be non-empty');
      if (typeof params.caption === 'string' && params.caption.length > 1024) return fail(400, 'Bad Request: message caption is too long');
      const problem = buttonProblem(params.chat_id, params.reply_markup);
      if (problem) return fail(400, problem);
      const id = nextMessageId++;
      return ok({
        message_id: id,
        date: Math.floor(Date.now() / 1000),
        chat: chatOf(params.chat_id),
        document:
          typeof document === 'string'
            ? { file_id: document, file_unique_id: `u${id}` }
            : {
                file_id: `document-${id}`,
                file_unique_id: `u${id}`,
                file_name: document.fileName,
                mime_type: document.contentType,
                file_size: document.bytes.byteLength,
              },
        ...(typeof params.caption === 'string' && { caption: params.caption }),
      });
    },
    // core.telegram.org/bots/api#answercallbackquery: once per query, a notice of at most 200 characters.
    answerCallbackQuery: (params) => {
      const id = params.callback_query_id;
      if (typeof id !== 'string' || id === '' || answeredCallbacks.has(id)) {
        return fail(400, 'Bad Request: query is too old and response timeout expired or query ID is invalid');
      }
      if (typeof params.text === 'string' && params.text.length > 200) return fail(400, 'Bad Request: MESSAGE_TOO_LONG');
      answeredCallbacks.add(id);
      return ok(true);
    },
    // core.telegram.org/bots/api#answerinlinequery: at most 50 results, ids of 1–64 bytes unique within
    // the answer, the fields each result type requires; a query answered once cannot be answered again.
    answerInlineQuery: (params) => {
      const queryId = params.inline_query_id;
      if (typeof queryId !== 'string' || queryId === '' || answeredInlineQueries.has(queryId)) {
        return fail(400, 'Bad Request: query is too old and response timeout expired or query ID is invalid');
      }
      const results = params.results;
      if (!Array.isArray(results)) return fail(400, "Bad Request: can't parse inline query results JSON object");
      if (results.length > 50) return fail(400, 'Bad Request: RESULTS_TOO_MUCH');
      const ids = new Set<string>();
      for (const result of results as Record<string, unknown>[]) {
        const problem = inlineResultProblem(result);
        if (problem) return fail(400, problem);
        if (ids.has(result.id as string)) return fail(400, 'Bad Request: RESULT_ID_DUPLICATE');
        ids.add(result.id as string);
      }
      answeredInlineQueries.add(queryId);
      return ok(true);
    },
    // core.telegram.org/bots/api#savepreparedinlinemessage: for one user, one result of the same shapes.
    savePreparedInlineMessage: (params) => {
      if (typeof params.user_id !== 'number' || !Number.isSafeInteger(params.user_id)) return fail(400, 'Bad Request: USER_ID_INVALID');
      const problem = inlineResultProblem((params.result ?? {}) as Record<string, unknown>);
      if (problem) return fail(400, problem);
      return ok({ id: `prepared-${nextMessageId++}`, expiration_date: Math.floor(Date.now() / 1000) + 86_400 });
    },
    // core.telegram.org/bots/api#createinvoicelink and bots/payments-stars: an invoice in Stars has
    // currency XTR, an empty (or no) provider token and exactly one price; Telegram answers
    // STARS_INVOICE_INVALID otherwise. The payload is 1–128 bytes. The answer is the link, a string.
    createInvoiceLink: (params) => {
      const { title, description, payload, currency, prices } = params;
      if (typeof title !== 'string' || title.length < 1 || title.length > 32) return fail(400, 'Bad Request: INVOICE_TITLE_INVALID');
      if (typeof description !== 'string' || description.length < 1 || description.length > 255) return fail(400, 'Bad Request: INVOICE_DESCRIPTION_INVALID');
      const payloadBytes = typeof payload === 'string' ? new TextEncoder().encode(payload).length : 0;
      if (payloadBytes < 1 || payloadBytes > 128) return fail(400, 'Bad Request: INVOICE_PAYLOAD_INVALID');
      if (!Array.isArray(prices) || prices.length === 0) return fail(400, "Bad Request: can't parse prices JSON object");
      const labeled = prices as { label?: unknown; amount?: unknown }[];
      if (labeled.some((p) => typeof p.label !== 'string' || !Number.isSafeInteger(p.amount))) return fail(400, "Bad Request: can't parse prices JSON object");
      if (currency === 'XTR') {
        if ((params.provider_token !== undefined && params.provider_token !== '') || labeled.length !== 1)
          return fail(400, 'Bad Request: STARS_INVOICE_INVALID');
      } else if (typeof params.provider_token !== 'string' || params.provider_token === '') {
        return fail(400, 'Bad Request: PAYMENT_PROVIDER_INVALID');
      }
      const total = labeled.reduce((sum, p) => sum + (p.amount as number), 0);
      if (total <= 0) return fail(400, 'Bad Request: CURRENCY_TOTAL_AMOUNT_INVALID');
      const slug = `fakeinvoice${nextMessageId++}`;
      invoices.set(slug, {
        title,
        description,
        payload: payload as string,
        currency: String(currency),
        prices: labeled.map((p) => ({ label: p.label as string, amount: p.amount as number })),
      });
      return ok(`https://t.me/$${slug}`);
    },
    // core.telegram.org/bots/api#answerprecheckoutquery: error_message is required when ok is false; a
    // query is answered once, and an unknown or late one is refused as an inline query's is.
    answerPreCheckoutQuery: (params) => {
      const queryId = params.pre_checkout_query_id;
      if (typeof queryId !== 'string' || queryId === '' || answeredPreCheckoutQueries.has(queryId)) {
        return fail(400, 'Bad Request: query is too old and response timeout expired or query ID is invalid');
      }
      if (typeof params.ok !== 'boolean') return fail(400, 'Bad Request: parameter "ok" is required');
      if (params.ok === false && (typeof params.error_message !== 'string' || params.error_message === '')) {
        return fail(400, 'Bad Request: ERROR_MESSAGE_EMPTY');
      }
      answeredPreCheckoutQueries.add(queryId);
      return ok(true);
    },
    // core.telegram.org/bots/api#refundstarpayment: the charge must be the user's incoming payment; a
    // second refund is refused with CHARGE_ALREADY_REFUNDED (seen in tdlib/telegram-bot-api#690).
    refundStarPayment: (params) => {
      if (typeof params.user_id !== 'number' || !Number.isSafeInteger(params.user_id)) return fail(400, 'Bad Request: USER_ID_INVALID');
      const chargeId = params.telegram_payment_charge_id;
      const charge = starTransactions.find((tx) => tx.id === chargeId && tx.source);
      // The text for an unknown charge id is this fake's best knowledge, not checked against Telegram.
      if (!charge || charge.source?.user.id !== params.user_id) return fail(400, 'Bad Request: CHARGE_NOT_FOUND');
      if (starTransactions.some((tx) => tx.id === chargeId && tx.receiver)) return fail(400, 'Bad Request: CHARGE_ALREADY_REFUNDED');
      starTransactions.push({
        id: charge.id,
        amount: charge.amount,
        date: Math.floor(Date.now() / 1000),
        receiver: { type: 'user', user: charge.source!.user },
      });
      return ok(true);
    },
    // core.telegram.org/bots/api#getstartransactions: the bot's transactions in chronological order,
    // `offset` of them skipped, at most `limit` (1–100, default 100) returned, as StarTransactions.
    getStarTransactions: (params) => {
      const offset = params.offset ?? 0;
      const limit = params.limit ?? 100;
      if (!Number.isSafeInteger(offset) || (offset as number) < 0) return fail(400, 'Bad Request: invalid offset specified');
      if (!Number.isSafeInteger(limit) || (limit as number) < 1 || (limit as number) > 100) return fail(400, 'Bad Request: invalid limit specified');
      return ok({ transactions: starTransactions.slice(offset as number, (offset as number) + (limit as number)) });
    },
    setWebhook: (params) => {
      if (typeof params.url !== 'string' || !params.url.startsWith('https://'))
        return fail(400, 'Bad Request: bad webhook: An HTTPS URL must be provided for webhook');
      if (typeof params.secret_token === 'string' && !/^[A-Za-z0-9_-]{1,256}$/.test(params.secret_token)) {
        return fail(400, 'Bad Request: secret token contains unallowed characters');
      }
      webhook = { url: params.url, ...(Array.isArray(params.allowed_updates) && { allowed_updates: params.allowed_updates as string[] }) };
      return ok(true);
    },
    getWebhookInfo: () =>
      ok({
        url: webhook.url,
        has_custom_certificate: false,
        pending_update_count: 0,
        ...(webhook.allowed_updates && { allowed_updates: webhook.allowed_updates }),
      }),
    deleteWebhook: () => {
      webhook = { url: '' };
      return ok(true);
    },
    setChatMenuButton: () => ok(true),
    getChatMenuButton: () => ok({ type: 'default' }),
    setMyCommands: (params) => (Array.isArray(params.commands) ? ok(true) : fail(400, 'Bad Request: commands must be an array')),
    getMyCommands: () => ok([]),
  };

  async function handle(request: Request): Promise<Response> {
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(new URL(request.url).pathname);
    if (!match) return fail(404, 'Not Found');
    const [, token, method] = match as unknown as [string, string, string];
    if (token !== options.token) return fail(401, 'Unauthorized');
    const handler = methods[method];
    if (!handler) {
      unexpected.push(method);
      return fail(404, 'Not Found');
    }
    let params: Record<string, unknown> = {};
    if ((request.headers.get('content-type') ?? '').startsWith('multipart/form-data')) {
      try {
        params = await formParams(await request.formData());
      } catch {
        return fail(400, "Bad Request: can't parse multipart/form-data");
      }
    } else {
      const text = await request.text();
      if (text) {
        try {
          params = JSON.parse(text) as Record<string, unknown>;
        } catch {
          return fail(400, "Bad Request: can't parse JSON object");
        }
      }
    }
    calls.push({ method, params });
    const failure = scripted.get(method)?.shift() ?? fake.failWhen?.(method, params) ?? undefined;
    if (failure?.kind === 'network') throw new TypeError('fetch failed: connection reset by the fake');
    if (failure?.kind === 'http') return new Response(failure.body, { status: failure.status, headers: { 'content-type': 'text/html' } });
    if (failure?.kind === 'error') {
      return fail(failure.errorCode, failure.description, failure.retryAfter !== undefined ? { retry_after: failure.retryAfter } : undefined);
    }
    const answer = handler(params);
    if (answer.ok) fake.succeeded.push({ method, params });
    return answer;
  }

  const fake: FakeBotApi = {
    token: options.token,
    calls,
    unexpected,
    baseUrl: 'http://fake-bot-api.test',
    fetch: async (input, init) => handle(new Request(input, init)),
    failNext(method, failure) {
      const queue = scripted.get(method) ?? [];
      queue.push(failure);
      scripted.set(method, queue);
    },
    stars: {
      invoices,
      transactions: starTransactions,
      payInvoice(invoiceUrl, payer, at = new Date()) {
        const invoice = invoices.get(invoiceUrl.replace('https://t.me/$', ''));
        if (!invoice) throw new Error(`the fake made no invoice ${invoiceUrl}`);
        const amount = invoice.prices.reduce((sum, p) => sum + p.amount, 0);
        const chargeId = `stxFAKE${String(nextCharge++).padStart(6, '0')}`;
        const user = { id: payer.id, is_bot: false as const, first_name: payer.first_name ?? `User ${payer.id}` };
        starTransactions.push({
          id: chargeId,
          amount,
          date: Math.floor(at.getTime() / 1000),
          source: { type: 'user', transaction_type: 'invoice_payment', user, invoice_payload: invoice.payload },
        });
        return {
          currency: invoice.currency,
          total_amount: amount,
          invoice_payload: invoice.payload,
          telegram_payment_charge_id: chargeId,
          provider_payment_charge_id: '',
        };
      },
    },
    callsOf: (method) => calls.filter((call) => call.method === method).map((call) => call.params),
    succeeded: [],
    failWhen: null,
    async listen() {
      server = createServer(async (req, res) => {
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        let response: Response;
        try {
          response = await handle(
            new Request(`http://127.0.0.1${req.url}`, {
              method: req.method ?? 'POST',
              headers: { 'content-type': req.headers['content-type'] ?? 'application/json' },
              ...(req.method !== 'GET' && { body: Buffer.concat(chunks) }),
            }),
          );
        } catch {
          req.socket.destroy();
          return;
        }
        res.writeHead(response.status, Object.fromEntries(response.headers));
        res.end(Buffer.from(await response.arrayBuffer()));
      });
      await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
    },
    close: () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
  };
  return fake;
}
