/**
 * The update types the shop's webhook asks Telegram for (setWebhook `allowed_updates`). Only messages:
 * /start, /orders, /help and /web arrive as `message` updates. Asking for no more keeps Telegram from
 * sending what the webhook would only drop. An update type the webhook starts to handle must be added
 * here, and `npm run bot:setup` run again: Telegram keeps the previous list until told otherwise
 * (core.telegram.org/bots/api#setwebhook).
 */
export const BOT_ALLOWED_UPDATES: readonly string[] = ['message'];
