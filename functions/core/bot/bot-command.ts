export interface BotCommandCall {
  /** Lower case, without the slash and without an `@botname` suffix. */
  command: string;
  /** Whatever follows the command, trimmed (the deep-link payload of `/start <payload>`). */
  argument: string;
}

/**
 * Reads `/command`, `/command@botname` and `/start <payload>` (core.telegram.org/bots/features#commands).
 * A command addressed to another bot by name is not ours: null, as for any text that is not a command.
 */
export function parseBotCommand(text: string | null, botUsername: string | undefined): BotCommandCall | null {
  const match = /^\/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]{3,64}))?(?:\s+([\s\S]*))?$/.exec(text?.trim() ?? '');
  if (!match) return null;
  const [, command, addressee, argument] = match;
  if (addressee && botUsername && addressee.toLowerCase() !== botUsername.toLowerCase()) return null;
  return { command: command!.toLowerCase(), argument: argument?.trim() ?? '' };
}

const PRODUCT_PAYLOAD = /^product_([a-z0-9][a-z0-9-]*)$/i;

/**
 * The product slug in a `/start product_<slug>` payload (Telegram allows only A-Z, a-z, 0-9, _ and - in it:
 * core.telegram.org/bots/features#deep-linking), or null.
 */
export function productSlugFromStartPayload(payload: string): string | null {
  return PRODUCT_PAYLOAD.exec(payload)?.[1]?.toLowerCase() ?? null;
}
