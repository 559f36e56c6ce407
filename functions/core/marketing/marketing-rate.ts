/**
 * Telegram lets a bot send about 30 messages a second in all (core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this).
 * Marketing messages take at most 25 of them, counting every message that went out in the last second,
 * so order messages keep room even in the middle of an announcement to thousands.
 */
export const MARKETING_RATE = { limit: 25, windowMs: 1000 };
