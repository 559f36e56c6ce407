import type { PreCheckoutQuery } from '../bot/bot-update';
import { pickLocale } from '../notifications/locale';
import { messagesFor } from '../notifications/messages/catalogs';
import type { BotApi } from '../telegram/bot-api';
import { decidePreCheckout } from './pre-checkout';
import type { StarsRepo } from './stars-repo';

/**
 * Answers Telegram's pre-checkout query for a Stars invoice (decidePreCheckout says yes or why not), the
 * refusal in the customer's language. A failed answer is logged: Telegram then cancels the payment by
 * itself after 10 seconds, and no Star has moved.
 */
export async function answerPreCheckout(input: {
  query: PreCheckoutQuery;
  stars: Pick<StarsRepo, 'readPreCheckout'>;
  bot: Pick<BotApi, 'answerPreCheckoutQuery'>;
  now: Date;
  logger: { error(message: string, error: unknown): void };
}): Promise<void> {
  const { query } = input;
  try {
    const order = await input.stars.readPreCheckout(query.invoicePayload);
    const decision = decidePreCheckout(order, { currency: query.currency, totalAmount: query.totalAmount }, input.now);
    await input.bot.answerPreCheckoutQuery(
      decision.ok
        ? { pre_checkout_query_id: query.id, ok: true }
        : { pre_checkout_query_id: query.id, ok: false, error_message: messagesFor(pickLocale(query.languageCode)).starsRefused[decision.reason] },
    );
  } catch (error) {
    input.logger.error('answering a pre-checkout query failed', error);
  }
}
