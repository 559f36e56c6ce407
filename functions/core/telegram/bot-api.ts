import type { MessengerId } from '../messenger/messenger-id';

// The Bot API methods Bazaar uses, with the fields it sets. Wire format: core.telegram.org/bots/api
// (JSON body, answer `{ ok: true, result }` or `{ ok: false, error_code, description, parameters }`).

export interface InlineKeyboardButton {
  text: string;
  /** Opens a Mini App at this https URL: core.telegram.org/bots/api#webappinfo */
  web_app?: { url: string };
  url?: string;
  /** Sent back to the bot as a `callback_query` when tapped (1–64 bytes). */
  callback_data?: string;
}

export interface SendMessageParams {
  chat_id: MessengerId;
  text: string;
  parse_mode?: 'HTML';
  reply_markup?: { inline_keyboard: InlineKeyboardButton[][] };
  link_preview_options?: { is_disabled: boolean };
}

/**
 * core.telegram.org/bots/api#sendphoto with the photo given by URL (Telegram downloads it; at most 5 MB).
 * A caption is at most 1024 characters after entities are parsed.
 */
export interface SendPhotoParams {
  chat_id: MessengerId;
  photo: string;
  caption?: string;
  parse_mode?: 'HTML';
  reply_markup?: { inline_keyboard: InlineKeyboardButton[][] };
}

/** A file uploaded with the request (multipart/form-data), as sendDocument takes it: core.telegram.org/bots/api#inputfile */
export interface InputFile {
  bytes: Uint8Array;
  fileName: string;
  contentType: string;
}

/**
 * core.telegram.org/bots/api#senddocument with the file uploaded in the request (bots may upload up to
 * 50 MB). A caption is at most 1024 characters after entities are parsed.
 */
export interface SendDocumentParams {
  chat_id: MessengerId;
  document: InputFile;
  caption?: string;
  parse_mode?: 'HTML';
  reply_markup?: { inline_keyboard: InlineKeyboardButton[][] };
}

/**
 * One inline-mode result (core.telegram.org/bots/api#inlinequeryresult): a photo when the product has a
 * JPEG picture (Telegram takes no other format for photo_url and thumbnail_url), otherwise an article
 * that sends a text message. Buttons are `url` buttons: a message sent through inline mode lands in any
 * chat, where `web_app` buttons are refused.
 */
export type InlineQueryResult =
  | {
      type: 'photo';
      id: string;
      photo_url: string;
      thumbnail_url: string;
      title?: string;
      description?: string;
      caption?: string;
      parse_mode?: 'HTML';
      reply_markup?: { inline_keyboard: InlineKeyboardButton[][] };
    }
  | {
      type: 'article';
      id: string;
      title: string;
      description?: string;
      input_message_content: { message_text: string; parse_mode?: 'HTML'; link_preview_options?: { is_disabled: boolean } };
      reply_markup?: { inline_keyboard: InlineKeyboardButton[][] };
      thumbnail_url?: string;
    };

/** core.telegram.org/bots/api#answerinlinequery */
export interface AnswerInlineQueryParams {
  inline_query_id: string;
  /** At most 50. */
  results: InlineQueryResult[];
  cache_time?: number;
  is_personal?: boolean;
  /** Sent back as the next query's `offset` when the person scrolls; '' when there is no more. */
  next_offset?: string;
  /** A button above the results (core.telegram.org/bots/api#inlinequeryresultsbutton). */
  button?: { text: string; web_app?: { url: string }; start_parameter?: string };
}

/** core.telegram.org/bots/api#savepreparedinlinemessage (Bot API 8.0) */
export interface SavePreparedInlineMessageParams {
  /** The Mini App user who may send it (WebApp.shareMessage). */
  user_id: MessengerId;
  result: InlineQueryResult;
  allow_user_chats?: boolean;
  allow_bot_chats?: boolean;
  allow_group_chats?: boolean;
  allow_channel_chats?: boolean;
}

/** core.telegram.org/bots/api#preparedinlinemessage */
export interface PreparedInlineMessage {
  id: string;
  /** Unix time after which the id can no longer be used. */
  expiration_date: number;
}

export interface BotCommand {
  command: string;
  description: string;
}

export interface SetWebhookParams {
  url: string;
  secret_token: string;
  allowed_updates: string[];
  drop_pending_updates?: boolean;
}

export interface MenuButtonWebApp {
  type: 'web_app';
  text: string;
  web_app: { url: string };
}

export interface BotUser {
  id: number;
  is_bot: boolean;
  first_name: string;
  username?: string;
}

export interface SentMessage {
  message_id: number;
  chat: { id: number | string };
}

/**
 * core.telegram.org/bots/api#createinvoicelink, as a Stars invoice is made (bots/payments-stars): currency
 * `XTR`, an empty provider token, exactly one price, amounts in whole Stars.
 */
export interface CreateInvoiceLinkParams {
  /** 1–32 characters. */
  title: string;
  /** 1–255 characters. */
  description: string;
  /** 1–128 bytes, never shown to the user: the order id. */
  payload: string;
  provider_token: '';
  currency: 'XTR';
  prices: [{ label: string; amount: number }];
}

/** core.telegram.org/bots/api#answerprecheckoutquery: `error_message` is what the customer reads when ok is false. */
export type AnswerPreCheckoutQueryParams = { pre_checkout_query_id: string; ok: true } | { pre_checkout_query_id: string; ok: false; error_message: string };

/** core.telegram.org/bots/api#refundstarpayment */
export interface RefundStarPaymentParams {
  user_id: MessengerId;
  telegram_payment_charge_id: string;
}

/**
 * core.telegram.org/bots/api#transactionpartner: only what the shop reads. An incoming payment for an
 * invoice comes from a TransactionPartnerUser carrying the invoice's payload; other partners (Fragment,
 * Telegram Ads, …) are kept as their `type`.
 */
export type TransactionPartner =
  | { type: 'user'; transaction_type?: string; user: { id: number | string }; invoice_payload?: string }
  | { type: Exclude<string, 'user'>; [field: string]: unknown };

/**
 * core.telegram.org/bots/api#startransaction: `id` equals the `telegram_payment_charge_id` of an
 * incoming payment (and a refund keeps the id of what it refunds); `source` is set on incoming ones only.
 */
export interface StarTransaction {
  id: string;
  amount: number;
  nanostar_amount?: number;
  date: number;
  source?: TransactionPartner;
  receiver?: TransactionPartner;
}

/** core.telegram.org/bots/api#getstartransactions: chronological, `offset` skipped, `limit` 1–100. */
export interface GetStarTransactionsParams {
  offset: number;
  limit: number;
}

/** The Bot API port. Implemented over HTTP in adapters/telegram/bot-api-client.ts. */
export interface BotApi {
  getMe(): Promise<BotUser>;
  sendMessage(params: SendMessageParams): Promise<SentMessage>;
  sendPhoto(params: SendPhotoParams): Promise<SentMessage>;
  /** Sent as multipart/form-data (the file is in the request); the answer's Message carries a `document`. */
  sendDocument(params: SendDocumentParams): Promise<SentMessage & { document?: { file_id: string; file_name?: string } }>;
  /** core.telegram.org/bots/api#answercallbackquery: stops the button's spinner, optionally with a notice. */
  answerCallbackQuery(params: { callback_query_id: string; text?: string }): Promise<true>;
  answerInlineQuery(params: AnswerInlineQueryParams): Promise<true>;
  savePreparedInlineMessage(params: SavePreparedInlineMessageParams): Promise<PreparedInlineMessage>;
  setWebhook(params: SetWebhookParams): Promise<true>;
  /** Returns the invoice link (https://t.me/$…). */
  createInvoiceLink(params: CreateInvoiceLinkParams): Promise<string>;
  answerPreCheckoutQuery(params: AnswerPreCheckoutQueryParams): Promise<true>;
  refundStarPayment(params: RefundStarPaymentParams): Promise<true>;
  getStarTransactions(params: GetStarTransactionsParams): Promise<{ transactions: StarTransaction[] }>;
  getWebhookInfo(): Promise<{ url: string; pending_update_count: number; allowed_updates?: string[] }>;
  setChatMenuButton(params: { menu_button: MenuButtonWebApp }): Promise<true>;
  setMyCommands(params: { commands: BotCommand[]; language_code?: string }): Promise<true>;
}

/**
 * Telegram said no (`ok: false`), or could not be reached (`errorCode` 0). `retryAfterSeconds` comes from
 * a 429's `parameters.retry_after`: core.telegram.org/bots/api#responseparameters
 */
export class BotApiError extends Error {
  readonly code = 'BOT_API_ERROR';
  constructor(
    readonly method: string,
    readonly errorCode: number,
    readonly description: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(`Bot API ${method} failed: ${errorCode} ${description}`);
  }

  /** 403 "Forbidden: bot was blocked by the user" (or the user is deactivated): retrying cannot help. */
  get recipientUnreachable(): boolean {
    return this.errorCode === 403;
  }

  /** Worth trying again later: network failures, 429 and 5xx. Other 4xx are mistakes in the request. */
  get retryable(): boolean {
    return this.errorCode === 0 || this.errorCode === 429 || this.errorCode >= 500;
  }
}
