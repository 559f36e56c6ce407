import { escapeHtml } from '../notifications/escape-html';
import { formatMoneyPlain } from '../../../contract/format-money';
import { htmlMessage, webAppButton } from '../notifications/html-message';
import { pickLocale, type Locale } from '../notifications/locale';
import { messagesFor } from '../notifications/messages/catalogs';
import type { Messages } from '../notifications/messages/messages';
import { productPath } from '../notifications/order-links';
import type { SendMessageParams } from '../telegram/bot-api';
import { parseBotCommand, productSlugFromStartPayload } from './bot-command';
import type { BotLookups } from './bot-lookups';
import type { BotMessage } from './bot-update';

/** How many orders `/orders` lists. */
export const LISTED_ORDERS = 5;

interface ReplyContext {
  message: BotMessage & { from: NonNullable<BotMessage['from']> };
  lookups: BotLookups;
  shop: { name: string; publicUrl: string | undefined };
  locale: Locale;
  t: Messages;
}

/**
 * The bot's answer to a message, in the sender's language (`from.language_code`), or null when it says
 * nothing. The bot talks in private chats only: a `web_app` button is refused in groups, and a shop's
 * merchant group is for notifications, not for chatting with the bot.
 */
export async function buildBotReply(input: {
  message: BotMessage;
  lookups: BotLookups;
  shop: { name: string; publicUrl: string | undefined };
  botUsername?: string | undefined;
}): Promise<SendMessageParams | null> {
  const { message } = input;
  if (message.chatType !== 'private' || !message.from || message.text === null) return null;
  const locale = pickLocale(message.from.languageCode);
  // The name the merchant gave the shop in the admin screens wins over SHOP_NAME.
  const shop = { ...input.shop, name: (await input.lookups.shopName()) ?? input.shop.name };
  const context: ReplyContext = { ...input, shop, message: { ...message, from: message.from }, locale, t: messagesFor(locale) };
  const call = parseBotCommand(message.text, input.botUsername);
  switch (call?.command) {
    case 'start': {
      const slug = productSlugFromStartPayload(call.argument);
      return slug ? replyWithProduct(context, slug) : replyWelcome(context, []);
    }
    case 'orders':
      return replyWithOrders(context);
    case 'web':
      return reply(context, [webAddressLine(context)]);
    case 'help':
      return reply(context, [context.t.botHelp(escapeHtml(shop.name))]);
    // The answer only: the webhook records the choice itself (marketingChoiceOf), before this is sent.
    case 'stop':
      return reply(context, [context.t.marketingStopped]);
    case 'offers':
      return reply(context, [context.t.marketingResumed]);
    case 'paysupport': {
      // Telegram's Stars terms ask every bot that sells for Stars to answer this command.
      const support = await input.lookups.paySupportText();
      const name = escapeHtml(shop.name);
      return reply(context, [support ? context.t.botPaySupport(name, escapeHtml(support)) : context.t.botPaySupportNone(name)]);
    }
    default:
      return reply(context, [context.t.botUnknown]);
  }
}

function replyWelcome(context: ReplyContext, notes: string[]): SendMessageParams {
  const { t, shop } = context;
  const shopButton = webAppButton(t.botOpenShopButton, shop.publicUrl, '/');
  const lines = [...notes, t.botWelcome(escapeHtml(shop.name))];
  if (!shopButton) lines.push(t.botNoMiniApp);
  // Customers learn the web address before they need it (Telegram unreachable, a browser at hand).
  if (shop.publicUrl) lines.push('', t.botWebAddress(escapeHtml(shop.publicUrl)));
  return reply(context, lines, [shopButton]);
}

async function replyWithProduct(context: ReplyContext, slug: string): Promise<SendMessageParams> {
  const { t, shop, locale } = context;
  const product = await context.lookups.findProduct(slug);
  if (!product) return replyWelcome(context, [t.botProductMissing, '']);
  const title = escapeHtml(product.titles[locale] ?? product.title);
  return reply(context, [t.botProduct(title)], [webAppButton(t.botOpenProductButton, shop.publicUrl, productPath(product.slug))]);
}

async function replyWithOrders(context: ReplyContext): Promise<SendMessageParams> {
  const { t, shop } = context;
  // One more than shown tells whether older orders exist.
  const orders = await context.lookups.recentOrders(context.message.from.id, LISTED_ORDERS + 1);
  const button = webAppButton(t.botMyOrdersButton, shop.publicUrl, '/orders');
  if (orders.length === 0) return reply(context, [t.botOrdersEmpty], [webAppButton(t.botOpenShopButton, shop.publicUrl, '/')]);
  const lines = orders
    .slice(0, LISTED_ORDERS)
    .map(
      (order) =>
        `• ${t.isolate(`<code>${escapeHtml(order.code)}</code>`)} — ${t.status[order.status]} — ${t.isolate(formatMoneyPlain(order.totalMinor, order.currency, context.locale))}`,
    );
  if (orders.length > LISTED_ORDERS) lines.push('', t.botOrdersMore);
  return reply(context, [t.botOrdersTitle, '', ...lines], [button]);
}

function webAddressLine({ t, shop }: ReplyContext): string {
  return shop.publicUrl ? t.botWebAddress(escapeHtml(shop.publicUrl)) : t.botNoWebAddress;
}

function reply(context: ReplyContext, lines: string[], buttons: Parameters<typeof htmlMessage>[2] = []): SendMessageParams {
  return htmlMessage(context.message.chatId, lines, buttons);
}
