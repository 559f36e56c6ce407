import type { MessengerId } from '../core/messenger/messenger-id';
import { Hono, type Context } from 'hono';
import { buildBotReply } from '../core/bot/build-bot-reply';
import type { BotUpdate } from '../core/bot/bot-update';
import type { InlineQuery } from '../core/bot/inline-answer';
import type { OutboxEntry } from '../core/notifications/outbox';
import { deliverDueMessages } from '../core/notifications/run-notification-jobs';
import { timingSafeEqual } from '../core/timing-safe-equal';
import type { ErrorLogger } from '../http/error-handler';
import { HttpError } from '../http/http-error';
import { readJsonBody } from '../http/read-json-body';
import type { BotContext } from './bot-context';
import { readBotUpdate, updateEnvelopeSchema } from './telegram-update-schema';
import { normalizePhoneNumber } from '../core/checkout/phone-number';
import type { CustomerRepo } from '../core/customers/customer';
import { buildInlineAnswer } from '../core/bot/inline-answer';
import type { CatalogRepo } from '../core/catalog/catalog';
import { marketingChoiceOf } from '../core/marketing/marketing-choice';
import { pickLocale } from '../core/notifications/locale';
import { messagesFor } from '../core/notifications/messages/catalogs';
import type { StarsRepo } from '../core/stars/stars-repo';
import { answerPreCheckout } from '../core/stars/answer-pre-checkout';

/**
 * `POST /api/telegram/webhook`: Bot API updates (core.telegram.org/bots/api#setwebhook). Telegram proves
 * the call is its own with the secret set by `setWebhook` in the X-Telegram-Bot-Api-Secret-Token header;
 * without it nothing is read. Each update is stored once with its reply in the outbox (one transaction),
 * so Telegram's retries never double a reply; the reply is then sent at once when the Bot API answers,
 * and left to the outbox worker when it does not. Always 200 for an update that was read.
 */
export function webhookRoutes(deps: {
  bot: BotContext;
  shop: { name: string; publicUrl: string | undefined; miniAppName?: string | undefined };
  clock: () => Date;
  logger: ErrorLogger;
  customers: Pick<CustomerRepo, 'recordSharedPhone' | 'setMarketingOptOut'>;
  catalog: Pick<CatalogRepo, 'listCatalog'>;
  stars: Pick<StarsRepo, 'readPreCheckout' | 'recordPayment'>;
}) {
  const app = new Hono();
  const { bot } = deps;
  const secret = bot.webhookSecret && bot.live ? new TextEncoder().encode(bot.webhookSecret) : null;

  // The secret comes in Telegram's header, or, for a messenger that may not send it (Bale: bot:setup
  // registers this form there, core/messenger/messengers.ts), as the URL's last segment.
  const handleUpdate = async (c: Context) => {
    if (!secret) {
      throw new HttpError('forbidden', 'WEBHOOK_DISABLED', 'The bot webhook is off: set BOT_TOKEN and WEBHOOK_SECRET, then run npm run bot:setup.');
    }
    const given = new TextEncoder().encode(c.req.header('x-telegram-bot-api-secret-token') ?? c.req.param('secret') ?? '');
    if (!timingSafeEqual(given, secret)) throw new HttpError('unauthenticated', 'WEBHOOK_UNAUTHORIZED', 'Wrong or missing webhook secret token.');

    // The update is Telegram's and must be acknowledged (a refusal is retried for hours), so text the
    // database cannot store, anywhere in it, is replaced rather than refused.
    const update = readBotUpdate(await readJsonBody(c, updateEnvelopeSchema, { unstorableText: 'replace' }));
    const now = deps.clock();
    // A payment is recorded before the update is: if this fails, Telegram's retry finds the update new and
    // the payment is recorded then (recording is idempotent on the charge id, retried or not).
    const refundId = await recordStarsPayment(update, deps, now);
    const reply = await replyTo(update, deps);
    await keepSharedPhone(update, deps.customers, now);
    // Consent is recorded before anything is said about it, and again on a retried update (it is idempotent).
    const choice = marketingChoiceOf(update, bot.username);
    if (choice) await deps.customers.setMarketingOptOut(choice.telegramId, choice.optedOut, now);
    const recorded = await bot.updates.recordUpdate({
      updateId: update.updateId,
      kind: update.kind === 'ignored' ? update.updateKind : update.kind,
      reply,
      reachability: reachabilityOf(update),
      now,
    });
    if (update.kind === 'inline_query' && recorded.fresh) await answerInlineQuery(update.query, deps);
    if (update.kind === 'callback' && recorded.fresh) await answerCallback(update.callback, choice !== null, deps);
    if (update.kind === 'pre_checkout_query' && recorded.fresh) {
      // Telegram waits 10 seconds for the answer, then cancels the payment: answered here, not queued.
      await answerPreCheckout({ query: update.query, stars: deps.stars, bot: bot.api, now, logger: deps.logger });
    }
    const dueNow = [recorded.replyId, refundId].filter((id): id is string => id !== null);
    if (dueNow.length > 0) {
      try {
        await deliverDueMessages({ outbox: bot.outbox, bot: bot.api, clock: deps.clock, publicUrl: deps.shop.publicUrl }, dueNow);
      } catch (error) {
        // The reply is safe in the outbox; the worker sends it. Telegram must still get its 200.
        deps.logger.error('sending a bot reply right away failed; the outbox worker will retry it', error);
      }
    }
    return c.json({ ok: true, duplicate: !recorded.fresh });
  };
  app.post('/webhook', handleUpdate);
  app.post('/webhook/:secret', handleUpdate);

  return app;
}

async function replyTo(update: BotUpdate, deps: Parameters<typeof webhookRoutes>[0]): Promise<OutboxEntry | null> {
  if (update.kind !== 'message') return null;
  const params = await buildBotReply({ message: update.message, lookups: deps.bot.lookups, shop: deps.shop, botUsername: deps.bot.username });
  if (!params) return null;
  const { chat_id, ...fields } = params;
  return { dedupeKey: `update:${update.updateId}`, kind: 'bot_reply', chatId: chat_id, payload: fields };
}

/**
 * A `successful_payment` message is the only thing that pays an order in Stars (the Mini App's
 * invoiceClosed callback never does). Returns the outbox id of the refund it enqueued, to send at once.
 */
async function recordStarsPayment(update: BotUpdate, deps: Parameters<typeof webhookRoutes>[0], now: Date): Promise<string | null> {
  if (update.kind !== 'message' || !update.message.successfulPayment || !update.message.from) return null;
  const paid = update.message.successfulPayment;
  const outcome = await deps.stars.recordPayment(
    {
      chargeId: paid.chargeId,
      invoicePayload: paid.invoicePayload,
      currency: paid.currency,
      amountStars: paid.totalAmount,
      payerTelegramId: update.message.from.id,
      paidAt: paid.date ?? now,
      source: 'update',
    },
    now,
  );
  return outcome.kind === 'recorded' ? outcome.refundOutboxId : null;
}

/**
 * Inline mode's answer goes straight to the Bot API, not through the outbox: Telegram shows it only while
 * the person is typing, and refuses an answer to a query more than a few seconds old. A failure is logged;
 * the person types again.
 */
async function answerInlineQuery(query: InlineQuery, deps: Parameters<typeof webhookRoutes>[0]): Promise<void> {
  try {
    const { products } = await deps.catalog.listCatalog();
    const shop = { publicUrl: deps.shop.publicUrl, botUsername: deps.bot.username, miniAppName: deps.shop.miniAppName };
    await deps.bot.api.answerInlineQuery(buildInlineAnswer({ query, products, shop }));
  } catch (error) {
    deps.logger.error('answering an inline query failed', error);
  }
}

/**
 * Stops the tapped button's spinner, with a notice when the tap changed something (Unsubscribe). Straight
 * to the Bot API: Telegram expects the answer within seconds, and a failed one only leaves a spinner.
 */
async function answerCallback(
  callback: { id: string; languageCode: string | null },
  recordedChoice: boolean,
  deps: Parameters<typeof webhookRoutes>[0],
): Promise<void> {
  try {
    const t = messagesFor(pickLocale(callback.languageCode));
    await deps.bot.api.answerCallbackQuery({ callback_query_id: callback.id, ...(recordedChoice && { text: t.marketingUnsubscribedNotice }) });
  } catch (error) {
    deps.logger.error('answering a button tap failed', error);
  }
}

/**
 * A contact the person shared of themselves (the Mini App's requestContact sends one to the bot): Telegram
 * delivers it, so it is the number's proof; the checkout prefills it. Someone else's contact is not kept.
 */
async function keepSharedPhone(update: BotUpdate, customers: Pick<CustomerRepo, 'recordSharedPhone'>, now: Date): Promise<void> {
  if (update.kind !== 'message' || update.message.chatType !== 'private') return;
  const { contact, from } = update.message;
  if (!contact || !from || contact.userId !== from.id) return;
  // Telegram sends the number in international form, with or without its '+'.
  const phone = normalizePhoneNumber(contact.phoneNumber.startsWith('+') ? contact.phoneNumber : `+${contact.phoneNumber}`);
  if (phone.ok) await customers.recordSharedPhone(from.id, phone.e164, now);
}

/** Someone writing to the bot can be written to again; a `my_chat_member` update says so explicitly. */
function reachabilityOf(update: BotUpdate): { userId: MessengerId; blocked: boolean } | null {
  if (update.kind === 'membership') return { userId: update.chatId, blocked: update.blocked };
  if (update.kind === 'message' && update.message.chatType === 'private' && update.message.from) {
    return { userId: update.message.from.id, blocked: false };
  }
  return null;
}
