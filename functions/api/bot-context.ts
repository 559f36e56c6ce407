import type { BotLookups } from '../core/bot/bot-lookups';
import type { TelegramUpdateRepo } from '../core/bot/telegram-update-repo';
import type { OutboxRepo } from '../core/notifications/outbox-repo';
import type { BotApi } from '../core/telegram/bot-api';

/** The shop's bot and its outbox, as the webhook, the cron routes and the Node worker use them. */
export interface BotContext {
  /** The Bot API client (BOT_TOKEN), or the console bot that prints messages in dev mode. */
  api: BotApi;
  /** A real bot token is configured: without one the webhook is off and messages go to the log. */
  live: boolean;
  /** BOT_USERNAME, to tell `/start@this_bot` from a command meant for another bot in a group. */
  username: string | undefined;
  /** WEBHOOK_SECRET: Telegram sends it in X-Telegram-Bot-Api-Secret-Token; the webhook is off without it. */
  webhookSecret: string | undefined;
  outbox: OutboxRepo;
  updates: TelegramUpdateRepo;
  lookups: BotLookups;
}
