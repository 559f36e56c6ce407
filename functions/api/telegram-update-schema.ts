import { z } from 'zod';
import type { BotUpdate } from '../core/bot/bot-update';
import { MAX_MESSENGER_ID_LENGTH, messengerIdOf } from '../core/messenger/messenger-id';

// The fields Bazaar reads from a Bot API Update (core.telegram.org/bots/api#update, #message, #user,
// #chat, #chatmemberupdated). Objects are loose: Telegram adds fields over time, and an update the shop
// cannot read is acknowledged and ignored, never refused (a refusal makes Telegram retry it). For the
// same reason its text is not refused by the text rule: the webhook reads the body with every U+0000 and
// unpaired surrogate already replaced by U+FFFD (core/text/storable-text.ts), so plain strings here are
// storable.

// Telegram's ids are integers; a messenger with the same API may send text ids (core/messenger/messenger-id.ts).
const chatId = z
  .union([
    z.number().int().refine(Number.isSafeInteger),
    z
      .string()
      .regex(/^[A-Za-z0-9_:.@-]+$/)
      .max(MAX_MESSENGER_ID_LENGTH),
  ])
  .transform(messengerIdOf);

/** Only `update_id` is required of every update; the rest depends on its kind. */
export const updateEnvelopeSchema = z.looseObject({ update_id: z.number().int().min(0).refine(Number.isSafeInteger) });

const userSchema = z.looseObject({
  id: chatId,
  first_name: z.string().default(''),
  username: z.string().optional(),
  language_code: z.string().optional(),
});

// core.telegram.org/bots/api#successfulpayment: in Stars, total_amount is whole Stars and the charge id is
// what a refund names.
const successfulPaymentSchema = z.looseObject({
  currency: z.string().max(8),
  total_amount: z.number().int().positive().refine(Number.isSafeInteger),
  invoice_payload: z.string().max(128),
  telegram_payment_charge_id: z.string().min(1).max(256),
});

const messageSchema = z.looseObject({
  chat: z.looseObject({ id: chatId, type: z.string() }),
  from: userSchema.optional(),
  date: z.number().int().nonnegative().optional(),
  text: z.string().optional(),
  contact: z.looseObject({ phone_number: z.string().max(40), user_id: chatId.optional() }).optional(),
  successful_payment: successfulPaymentSchema.optional(),
});

// core.telegram.org/bots/api#precheckoutquery
const preCheckoutQuerySchema = z.looseObject({
  id: z.string().min(1).max(256),
  from: userSchema,
  currency: z.string().max(8),
  total_amount: z.number().int().refine(Number.isSafeInteger),
  invoice_payload: z.string().max(128),
});

const chatMemberUpdatedSchema = z.looseObject({
  chat: z.looseObject({ id: chatId, type: z.string() }),
  new_chat_member: z.looseObject({ status: z.string() }),
});

const inlineQuerySchema = z.looseObject({
  id: z.string().min(1).max(256),
  from: userSchema,
  query: z.string().max(256),
  offset: z.string().max(64).default(''),
});

const callbackQuerySchema = z.looseObject({
  id: z.string().min(1).max(256),
  from: userSchema,
  data: z.string().max(64).optional(),
});

/** The shapes the webhook reads, for tests that generate updates from them (test/integration/fuzz). */
export const telegramUpdateSchemas = { userSchema, messageSchema, chatMemberUpdatedSchema, inlineQuerySchema, callbackQuerySchema, preCheckoutQuerySchema };

/** The update as the core sees it: a message, a block/unblock, an inline query, or something ignored. */
export function readBotUpdate(update: z.output<typeof updateEnvelopeSchema>): BotUpdate {
  const updateId = update.update_id;
  // Exactly one optional field besides update_id is present in an update: its name is the kind.
  const kind = Object.keys(update).find((key) => key !== 'update_id') ?? 'empty';
  if (kind === 'message') {
    const message = messageSchema.safeParse(update.message);
    if (message.success) {
      const { chat, from, text, contact, successful_payment: paid, date } = message.data;
      return {
        kind: 'message',
        updateId,
        message: {
          chatId: chat.id,
          chatType: chat.type,
          from: from ? { id: from.id, firstName: from.first_name, username: from.username ?? null, languageCode: from.language_code ?? null } : null,
          text: text ?? null,
          contact: contact ? { phoneNumber: contact.phone_number, userId: contact.user_id ?? null } : null,
          successfulPayment: paid
            ? {
                currency: paid.currency,
                totalAmount: paid.total_amount,
                invoicePayload: paid.invoice_payload,
                chargeId: paid.telegram_payment_charge_id,
                // Telegram's time of the payment; a message without one (never seen) counts as now.
                date: date !== undefined ? new Date(date * 1000) : null,
              }
            : null,
        },
      };
    }
  }
  if (kind === 'my_chat_member') {
    const change = chatMemberUpdatedSchema.safeParse(update.my_chat_member);
    // In a private chat this update means exactly "blocked" (kicked) or "unblocked" (member).
    if (change.success && change.data.chat.type === 'private') {
      return { kind: 'membership', updateId, chatId: change.data.chat.id, blocked: change.data.new_chat_member.status === 'kicked' };
    }
  }
  if (kind === 'inline_query') {
    const inline = inlineQuerySchema.safeParse(update.inline_query);
    if (inline.success) {
      const { id, query, offset, from } = inline.data;
      return { kind: 'inline_query', updateId, query: { id, query, offset, languageCode: from.language_code ?? null } };
    }
  }
  if (kind === 'callback_query') {
    const tapped = callbackQuerySchema.safeParse(update.callback_query);
    if (tapped.success && tapped.data.data !== undefined) {
      const { id, from, data } = tapped.data;
      return { kind: 'callback', updateId, callback: { id, fromId: from.id, languageCode: from.language_code ?? null, data } };
    }
  }
  if (kind === 'pre_checkout_query') {
    const query = preCheckoutQuerySchema.safeParse(update.pre_checkout_query);
    if (query.success) {
      const { id, from, currency, total_amount, invoice_payload } = query.data;
      return {
        kind: 'pre_checkout_query',
        updateId,
        query: { id, fromId: from.id, languageCode: from.language_code ?? null, currency, totalAmount: total_amount, invoicePayload: invoice_payload },
      };
    }
  }
  return { kind: 'ignored', updateId, updateKind: kind };
}
