import { OrderNotFoundError } from '../orders/errors';
import { BotApiError, type BotApi, type CreateInvoiceLinkParams } from '../telegram/bot-api';
import { StarsInvoiceUnavailableError, StarsOrderNotPayableError } from './stars-errors';
import type { StarsRepo } from './stars-repo';
import { STARS_CURRENCY } from './star-payment';
import { starsTotal } from './stars-total';

/**
 * Makes the Stars invoice for the customer's own order (core.telegram.org/bots/payments-stars): the order
 * must be digital only, every product priced in Stars, and still awaiting payment with time left. The
 * amount is the order's Stars total as the server fixed it from the stored order (stars-total.ts), never a
 * figure from the client; the payload is the order id, which pre-checkout and payment read back.
 */
export async function createStarsInvoice(input: {
  repo: Pick<StarsRepo, 'fixStarsTotal'>;
  bot: Pick<BotApi, 'createInvoiceLink'>;
  customerId: string;
  orderId: string;
  shopName: string;
  now: Date;
  onBotApiError?: (error: BotApiError) => void;
}): Promise<{ invoiceUrl: string; totalStars: number }> {
  const fixed = await input.repo.fixStarsTotal({ customerId: input.customerId, orderId: input.orderId, price: starsTotal, now: input.now });
  if (!fixed) throw new OrderNotFoundError();
  const { order, totalStars } = fixed;
  if (order.status !== 'pending') throw new StarsOrderNotPayableError(order.status);
  if (order.expiresAt.getTime() <= input.now.getTime()) throw new StarsOrderNotPayableError('expired');

  const label = `Order ${order.code}`;
  const params: CreateInvoiceLinkParams = {
    // Telegram's bounds: a title of 1–32 characters, a description of 1–255.
    title: clip(`${input.shopName}: ${label}`, 32),
    description: clip(order.items.map((item) => `${item.quantity} × ${item.title}${item.variantLabel ? ` (${item.variantLabel})` : ''}`).join(', '), 255),
    payload: order.id,
    provider_token: '',
    currency: STARS_CURRENCY,
    prices: [{ label, amount: totalStars }],
  };
  try {
    return { invoiceUrl: await input.bot.createInvoiceLink(params), totalStars };
  } catch (error) {
    if (!(error instanceof BotApiError)) throw error;
    input.onBotApiError?.(error);
    throw new StarsInvoiceUnavailableError();
  }
}

function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
