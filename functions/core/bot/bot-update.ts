import type { MessengerId } from '../messenger/messenger-id';
import type { InlineQuery } from './inline-answer';

/**
 * What the shop takes from a Bot API Update (core.telegram.org/bots/api#update), already validated at the
 * edge. Messages, inline queries and the bot's own membership changes matter; every other kind is acknowledged and
 * ignored.
 */
export type BotUpdate =
  | { kind: 'message'; updateId: number; message: BotMessage }
  /**
   * `my_chat_member` in a private chat: Telegram sends it exactly when the person blocks the bot
   * (new status `kicked`) or unblocks it (core.telegram.org/bots/api#update).
   */
  | { kind: 'membership'; updateId: number; chatId: MessengerId; blocked: boolean }
  /** Someone typed `@<bot> <words>` in a chat (inline mode, enabled with BotFather's /setinline). */
  | { kind: 'inline_query'; updateId: number; query: InlineQuery }
  /** Someone tapped a button of the bot's that carries `callback_data` (the Unsubscribe under an announcement). */
  | { kind: 'callback'; updateId: number; callback: { id: string; fromId: MessengerId; languageCode: string | null; data: string } }
  /** Telegram asks whether to take the customer's Stars for an invoice (core.telegram.org/bots/api#precheckoutquery). */
  | { kind: 'pre_checkout_query'; updateId: number; query: PreCheckoutQuery }
  | { kind: 'ignored'; updateId: number; updateKind: string };

/** A text message someone wrote to the bot. */
export interface BotMessage {
  chatId: MessengerId;
  /** `private`, `group`, `supergroup` or `channel`. */
  chatType: string;
  from: { id: MessengerId; firstName: string; username: string | null; languageCode: string | null } | null;
  text: string | null;
  /** A shared contact (core.telegram.org/bots/api#contact): the Mini App's requestContact sends the person's own. */
  contact: { phoneNumber: string; userId: MessengerId | null } | null;
  /** The service message that says an invoice was paid (core.telegram.org/bots/api#successfulpayment). */
  successfulPayment: SuccessfulPayment | null;
}

export interface SuccessfulPayment {
  currency: string;
  /** Whole Stars for XTR. */
  totalAmount: number;
  invoicePayload: string;
  /** telegram_payment_charge_id: what makes a payment count once, and what a refund names. */
  chargeId: string;
  /** The message's date; null when it carried none. */
  date: Date | null;
}

export interface PreCheckoutQuery {
  id: string;
  fromId: MessengerId;
  languageCode: string | null;
  currency: string;
  totalAmount: number;
  invoicePayload: string;
}
