import { SHOP_LANGUAGES, type ShopLanguage } from '../admin/shop-settings';
import type { BotCommand } from '../telegram/bot-api';

/** The languages the bot speaks besides English (the default list, shown when no dedicated one exists). */
export type BotCommandLanguage = Exclude<ShopLanguage, 'en'>;
export const BOT_COMMAND_LANGUAGES = SHOP_LANGUAGES.filter((language): language is BotCommandLanguage => language !== 'en');

type CommandName = 'start' | 'orders' | 'help' | 'web' | 'paysupport';

// Telegram shows these in the "/" menu. Command names: 1–32 of a-z, 0-9, _; descriptions 1–256 characters
// (core.telegram.org/bots/api#botcommand). The order here is the order in the menu.
const DESCRIPTIONS: Record<ShopLanguage, Record<CommandName, string>> = {
  en: {
    start: 'Open the shop',
    orders: 'Your recent orders',
    help: 'How to shop here',
    web: 'Shop in a web browser',
    paysupport: 'Help with a payment',
  },
  ru: {
    start: 'Открыть магазин',
    orders: 'Ваши последние заказы',
    help: 'Как здесь покупать',
    web: 'Магазин в браузере',
    paysupport: 'Помощь с оплатой',
  },
  fa: {
    start: 'باز کردن فروشگاه',
    orders: 'سفارش‌های اخیر شما',
    help: 'راهنمای خرید',
    web: 'خرید در مرورگر وب',
    paysupport: 'راهنمای پرداخت',
  },
  hi: {
    start: 'दुकान खोलें',
    orders: 'आपके हाल के ऑर्डर',
    help: 'यहाँ ख़रीदारी कैसे करें',
    web: 'वेब ब्राउज़र में ख़रीदारी',
    paysupport: 'भुगतान में सहायता',
  },
};

// /paysupport: Telegram's Stars terms ask a bot that sells for Stars to offer it.
const COMMAND_ORDER: readonly CommandName[] = ['start', 'orders', 'help', 'web', 'paysupport'];

/**
 * The bot's command menu in one language; no language means the default (English) list, which Telegram
 * shows to everyone whose language has no list of its own.
 */
export function listBotCommands(language?: BotCommandLanguage): BotCommand[] {
  const descriptions = DESCRIPTIONS[language ?? 'en'];
  return COMMAND_ORDER.map((command) => ({ command, description: descriptions[command] }));
}
