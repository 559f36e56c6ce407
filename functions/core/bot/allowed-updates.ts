/**
 * The update types the shop's webhook asks Telegram for (setWebhook `allowed_updates`), exactly those it
 * handles (functions/core/bot/bot-update.ts): `message` carries /start, /orders, /help and /web;
 * `my_chat_member` arrives when a customer blocks or unblocks the bot, so notifications stop and resume;
 * `inline_query` when someone types `@<bot> <words>` in a chat (only once inline mode is on: /setinline);
 * `callback_query` when someone taps Unsubscribe under an announcement;
 * `pre_checkout_query` before Telegram takes a customer's Stars for an invoice (the `successful_payment`
 * that follows is a `message`).
 * Asking for no more keeps Telegram from sending what the webhook would only drop. A type the webhook
 * starts to handle must be added here, and `npm run bot:setup` run again: Telegram keeps the previous list
 * until told otherwise (core.telegram.org/bots/api#setwebhook).
 */
export const BOT_ALLOWED_UPDATES: readonly string[] = ['message', 'my_chat_member', 'inline_query', 'callback_query', 'pre_checkout_query'];
