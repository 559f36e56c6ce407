import type { BotApi, SendMessageParams, SendPhotoParams } from '../../core/telegram/bot-api';

/**
 * The bot when no BOT_TOKEN is configured (dev mode): every message is printed to the server log, clearly
 * marked as not sent, and reported delivered, so `npm start` shows what customers and the merchant would
 * get without a bot. Setting up a webhook or menu has no meaning here and is refused.
 */
export function createConsoleBotApi(log: (line: string) => void): BotApi {
  let nextMessageId = 1;
  const notAvailable = (method: string) => () => Promise.reject(new Error(`${method} needs a real bot: set BOT_TOKEN (from @BotFather).`));
  return {
    getMe: () => Promise.resolve({ id: 0, is_bot: true, first_name: 'Console bot (dev mode)' }),
    async sendMessage(params) {
      log(describeMessage(params));
      return { message_id: nextMessageId++, chat: { id: params.chat_id } };
    },
    async sendPhoto(params) {
      log(describeMessage(photoAsMessage(params)));
      return { message_id: nextMessageId++, chat: { id: params.chat_id } };
    },
    async sendDocument(params) {
      const { fileName, contentType, bytes } = params.document;
      log(
        describeMessage({ chat_id: params.chat_id, text: [`[file ${fileName}, ${contentType}, ${bytes.byteLength} bytes]`, params.caption ?? ''].join('\n') }),
      );
      return { message_id: nextMessageId++, chat: { id: params.chat_id }, document: { file_id: `console-${nextMessageId}`, file_name: fileName } };
    },
    // Inline queries come only through the webhook, which needs a real bot.
    answerInlineQuery: notAvailable('answerInlineQuery'),
    answerCallbackQuery: notAvailable('answerCallbackQuery'),
    savePreparedInlineMessage: notAvailable('savePreparedInlineMessage'),
    setWebhook: notAvailable('setWebhook'),
    getWebhookInfo: notAvailable('getWebhookInfo'),
    setChatMenuButton: notAvailable('setChatMenuButton'),
    setMyCommands: notAvailable('setMyCommands'),
    // Stars exist only between a real bot and Telegram.
    createInvoiceLink: notAvailable('createInvoiceLink'),
    answerPreCheckoutQuery: notAvailable('answerPreCheckoutQuery'),
    refundStarPayment: notAvailable('refundStarPayment'),
    getStarTransactions: notAvailable('getStarTransactions'),
  };
}

function describeMessage(params: SendMessageParams): string {
  const buttons = (params.reply_markup?.inline_keyboard ?? []).flat().map((button) => `  [${button.text}] → ${button.web_app?.url ?? button.url ?? ''}`);
  return [
    `── Bot message to chat ${params.chat_id} (NOT sent to Telegram: no BOT_TOKEN, dev mode) ──`,
    ...params.text.split('\n').map((line) => `  ${line}`),
    ...buttons,
    '──',
  ].join('\n');
}

/** A photo post printed as its caption, with the picture's URL on top. */
function photoAsMessage(params: SendPhotoParams): SendMessageParams {
  return { chat_id: params.chat_id, text: [`[photo ${params.photo}]`, params.caption ?? ''].join('\n'), reply_markup: params.reply_markup };
}
