import type { OrderStatus } from '../../orders/order-status';
import type { PreCheckoutRefusal } from '../../stars/pre-checkout';

/**
 * Everything the bot and the notifications say, for one language. Texts are Bot API HTML
 * (core.telegram.org/bots/api#html-style): the renderer escapes every argument before it reaches these
 * functions, so a catalog may use tags but never escapes anything itself. Each locale has its own file;
 * test/unit/notifications/message-catalogs.test.ts checks that every catalog has every key.
 */
export interface Messages {
  /** Text direction: Persian is written right to left. */
  direction: 'ltr' | 'rtl';
  /** Keeps a left-to-right run (order code, amount, address) whole inside right-to-left text. */
  isolate(text: string): string;
  status: Record<OrderStatus, string>;
  total: string;
  /** The items' cost, the discount and the delivery fee, shown above the total when there is more than items. */
  subtotal: string;
  discount: string;
  deliveryFee: string;
  moreItems(count: number): string;
  openOrderButton: string;

  paidTitle(code: string): string;
  paidNext: string;
  statusShipped(code: string): string;
  statusReadyForPickup(code: string): string;
  statusCancelled(code: string): string;
  statusCompleted(code: string): string;
  statusOther(code: string, status: string): string;
  /** A Stars payment given back by the merchant: the Stars are back, the keys and links no longer work. */
  statusRefunded(code: string): string;
  /** A refund from the merchant's wallet reached the customer's (amount and comment already isolated: "1.5 TON", refund:<CODE>). */
  refundConfirmed(code: string, amount: string, comment: string): string;
  /** Above a digital order's delivery (title already escaped): the file, the keys or the text follow. */
  digitalFileCaption(code: string, title: string): string;
  digitalKeysTitle(code: string, title: string): string;
  digitalTextTitle(code: string, title: string): string;
  /** Under a delivery: where to find it again. */
  digitalKeepIt: string;
  expiringTitle(code: string, minutes: number): string;
  expiringBody: string;
  payButton: string;

  merchantNewOrder(code: string): string;
  merchantCustomer: string;
  /** The merchant's new-order message: how it goes, to whom, and what the customer asked. */
  merchantDelivery: string;
  merchantPhone: string;
  merchantNote: string;
  merchantOpenButton: string;

  botWelcome(shopName: string): string;
  botNoMiniApp: string;
  botOpenShopButton: string;
  botProduct(title: string): string;
  botOpenProductButton: string;
  botProductMissing: string;
  /** An inline result's price when the variants differ: "from 10 TON" (the amount already isolated). */
  inlinePriceFrom(amount: string): string;
  inlineSoldOut: string;
  botWebAddress(url: string): string;
  /** Under every announcement: taps back to the bot, which stops offers to this person. */
  marketingUnsubscribeButton: string;
  /** The notice shown when that button is tapped (at most 200 characters). */
  marketingUnsubscribedNotice: string;
  /** The answer to /stop. */
  marketingStopped: string;
  /** The answer to /offers. */
  marketingResumed: string;
  /** The abandoned-cart reminder (marketing: it carries the Unsubscribe button). `pieces` is how many things wait in the cart. */
  cartReminderTitle(pieces: number): string;
  cartReminderBody: string;
  cartReminderButton: string;
  /** The one message to a customer who tapped "Notify me": `title` is the product (and variant), already escaped. */
  backInStockTitle(title: string): string;
  backInStockBody: string;
  backInStockButton: string;
  botNoWebAddress: string;
  botOrdersTitle: string;
  botOrdersEmpty: string;
  botOrdersMore: string;
  botMyOrdersButton: string;
  botHelp(shopName: string): string;
  botUnknown: string;
  /** /paysupport: the merchant's support text follows this heading (already escaped). */
  botPaySupport(shopName: string, supportText: string): string;
  /** /paysupport when the merchant has written no support text yet. */
  botPaySupportNone(shopName: string): string;
  /**
   * Why Telegram did not take the customer's Stars (answerPreCheckoutQuery's error_message). Plain text,
   * not HTML: Telegram shows it as it is.
   */
  starsRefused: Record<PreCheckoutRefusal, string>;
}

/** No-op isolation for left-to-right languages. */
export const keepAsIs = (text: string): string => text;

/**
 * Unicode LEFT-TO-RIGHT ISOLATE … POP DIRECTIONAL ISOLATE (unicode.org/reports/tr9): an order code such
 * as `AB12-CD` or "1.5 TON" inside Persian text keeps its own order instead of being flipped around.
 */
export const isolateLtr = (text: string): string => `\u2066${text}\u2069`;
