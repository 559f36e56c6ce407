import { isNumericMessengerId } from '../../core/messenger/messenger-id';
import { MESSENGER_TRAITS } from '../../core/messenger/messengers';
import { BotApiError, type BotApi, type SendDocumentParams } from '../../core/telegram/bot-api';

/**
 * The Bot API over HTTP: `POST <baseUrl>/bot<token>/<method>` with a JSON body
 * (core.telegram.org/bots/api#making-requests). Every failure becomes a BotApiError; the token never
 * appears in an error message or log line.
 */
export function createBotApiClient(options: {
  token: string;
  /** Default https://api.telegram.org; Bale's (core/messenger/messengers.ts), a local Bot API server or the tests' fake otherwise. */
  baseUrl?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}): BotApi {
  const baseUrl = (options.baseUrl ?? MESSENGER_TRAITS.telegram.botApiUrl).replace(/\/+$/, '');
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;

  // Calls go as JSON, except those that upload a file: multipart/form-data, one part per parameter, objects
  // as JSON text (core.telegram.org/bots/api#making-requests). fetch sets the multipart boundary itself.
  async function call<T>(method: string, params: object, form?: FormData): Promise<T> {
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}/bot${options.token}/${method}`, {
        method: 'POST',
        ...(form ? { body: form } : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(params, idsAsNumbers) }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new BotApiError(method, 0, `network error: ${(error as Error).message ?? String(error)}`);
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new BotApiError(method, response.ok ? 502 : response.status, `answer is not JSON (HTTP ${response.status})`);
    }
    const answer = body as { ok?: boolean; result?: T; error_code?: number; description?: string; parameters?: { retry_after?: number } };
    if (answer.ok === true) return answer.result as T;
    throw new BotApiError(
      method,
      typeof answer.error_code === 'number' ? answer.error_code : response.status,
      typeof answer.description === 'string' ? answer.description : `HTTP ${response.status}`,
      typeof answer.parameters?.retry_after === 'number' ? answer.parameters.retry_after : undefined,
    );
  }

  return {
    getMe: () => call('getMe', {}),
    sendMessage: (params) => call('sendMessage', params),
    sendPhoto: (params) => call('sendPhoto', params),
    sendDocument: (params) => call('sendDocument', {}, documentForm(params)),
    answerCallbackQuery: (params) => call('answerCallbackQuery', params),
    answerInlineQuery: (params) => call('answerInlineQuery', params),
    savePreparedInlineMessage: (params) => call('savePreparedInlineMessage', params),
    setWebhook: (params) => call('setWebhook', params),
    createInvoiceLink: (params) => call('createInvoiceLink', params),
    answerPreCheckoutQuery: (params) => call('answerPreCheckoutQuery', params),
    refundStarPayment: (params) => call('refundStarPayment', params),
    getStarTransactions: (params) => call('getStarTransactions', params),
    getWebhookInfo: () => call('getWebhookInfo', {}),
    setChatMenuButton: (params) => call('setChatMenuButton', params),
    setMyCommands: (params) => call('setMyCommands', params),
  };
}

/**
 * The shop keeps ids as text (core/messenger/messenger-id.ts); the Bot API documents `chat_id` as
 * "Integer or String" (a String being a channel's @username) and `user_id` as Integer, so an id that is
 * a plain integer goes out as a JSON number, and any other id as the string it is.
 */
function idsAsNumbers(key: string, value: unknown): unknown {
  if ((key === 'chat_id' || key === 'user_id') && typeof value === 'string' && isNumericMessengerId(value)) return Number(value);
  return value;
}

/** sendDocument's parameters as a form: the file as the `document` part, with its name and type. */
function documentForm(params: SendDocumentParams): FormData {
  const form = new FormData();
  form.append('chat_id', String(params.chat_id));
  const { bytes, fileName, contentType } = params.document;
  form.append('document', new Blob([bytes as Uint8Array<ArrayBuffer>], { type: contentType }), fileName);
  if (params.caption !== undefined) form.append('caption', params.caption);
  if (params.parse_mode) form.append('parse_mode', params.parse_mode);
  if (params.reply_markup) form.append('reply_markup', JSON.stringify(params.reply_markup));
  return form;
}
