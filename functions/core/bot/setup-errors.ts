import { DomainError } from '../domain-error';

/**
 * `npm run bot:setup` cannot go on. `code` says why: SETTINGS_INVALID (fix the environment; nothing was
 * sent to Telegram), BOT_TOKEN_REJECTED, TELEGRAM_REFUSED, TELEGRAM_UNREACHABLE, WEBHOOK_NOT_CONFIRMED.
 * The message is written for the merchant who runs the command, and never holds the token or the secret.
 */
export class BotSetupError extends DomainError {
  constructor(
    code: 'SETTINGS_INVALID' | 'BOT_TOKEN_REJECTED' | 'TELEGRAM_REFUSED' | 'TELEGRAM_UNREACHABLE' | 'WEBHOOK_NOT_CONFIRMED',
    message: string,
    /** For SETTINGS_INVALID: every problem found, one line each. */
    readonly problems: string[] = [],
  ) {
    super(code === 'SETTINGS_INVALID' ? 'invalid' : code === 'TELEGRAM_UNREACHABLE' ? 'unavailable' : 'unprocessable', code, message);
  }
}
