import { BotSetupError } from '../../core/bot/setup-errors';
import type { BotSetupPlan } from '../../core/bot/setup-plan';
import { BotApiError, type BotApi, type BotUser } from '../../core/telegram/bot-api';

/** One Bot API call done, and what it did, in words for the merchant. */
export interface BotSetupStep {
  method: string;
  done: string;
}

export interface SetUpBotOptions {
  /** Waits before the one retry after a 429; a real timer in the CLI, recorded in tests. */
  sleep?: (ms: number) => Promise<void>;
  /** Called as each step finishes, so that progress shows even if a later step fails. */
  onStep?: (step: BotSetupStep) => void;
  /** The longest wait a 429 may ask for before the run gives up and says when to come back. */
  maxRetryWaitSeconds?: number;
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Sets the bot up for the shop: checks the token (getMe), points the webhook at the shop with the secret,
 * makes the menu button open the shop, sets the command menu in every language, then asks Telegram to
 * confirm the webhook. Every call replaces a setting with the same value on a rerun, so running it twice
 * is safe. A 429 is waited out (its `retry_after`) and retried once. Failures are BotSetupErrors whose
 * messages say what to do.
 */
export async function setUpBot(bot: BotApi, plan: BotSetupPlan, options: SetUpBotOptions = {}): Promise<{ bot: BotUser; steps: BotSetupStep[] }> {
  const sleep = options.sleep ?? sleepFor;
  const maxWaitSeconds = options.maxRetryWaitSeconds ?? 60;
  const steps: BotSetupStep[] = [];
  const record = (method: string, done: string) => {
    const step = { method, done };
    steps.push(step);
    options.onStep?.(step);
  };
  async function call<T>(method: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (!(error instanceof BotApiError) || error.errorCode !== 429) throw explain(method, error);
      // Telegram says how long to wait: core.telegram.org/bots/api#responseparameters
      const waitSeconds = error.retryAfterSeconds ?? 1;
      if (waitSeconds > maxWaitSeconds) throw explain(method, error);
      await sleep(waitSeconds * 1000);
      try {
        return await run();
      } catch (again) {
        throw explain(method, again);
      }
    }
  }

  const me = await call('getMe', () => bot.getMe());
  record('getMe', `bot @${me.username ?? '?'} (${me.first_name}, id ${me.id}) accepts the token`);

  await call('setWebhook', () => bot.setWebhook(plan.webhook));
  record(
    'setWebhook',
    `webhook set to ${plan.webhook.url}, with the secret token (not shown), for ${plan.webhook.allowed_updates.join(', ')} updates; ` +
      'updates waiting at Telegram are kept',
  );

  await call('setChatMenuButton', () => bot.setChatMenuButton({ menu_button: plan.menuButton }));
  record('setChatMenuButton', `menu button "${plan.menuButton.text}" opens ${plan.menuButton.web_app.url}`);

  for (const list of plan.commandLists) {
    await call('setMyCommands', () => bot.setMyCommands(list));
    record(
      'setMyCommands',
      `commands ${list.commands.map((c) => `/${c.command}`).join(' ')} for ${list.language_code ? `language ${list.language_code}` : 'everyone else (English)'}`,
    );
  }

  const info = (await call('getWebhookInfo', () => bot.getWebhookInfo())) as WebhookInfo;
  if (info.url !== plan.webhook.url) {
    throw new BotSetupError(
      'WEBHOOK_NOT_CONFIRMED',
      `Telegram reports the webhook as "${info.url}", not ${plan.webhook.url}: was bot:setup run elsewhere at the same time? Run it again.`,
    );
  }
  record('getWebhookInfo', describeWebhookInfo(info));
  return { bot: me, steps };
}

/** getWebhookInfo's answer, with the optional fields the port does not declare: core.telegram.org/bots/api#webhookinfo */
type WebhookInfo = Awaited<ReturnType<BotApi['getWebhookInfo']>> & { last_error_date?: number; last_error_message?: string };

function describeWebhookInfo(info: WebhookInfo): string {
  const waiting = `${info.pending_update_count} update${info.pending_update_count === 1 ? '' : 's'} waiting`;
  const text = `Telegram confirms the webhook ${info.url} (${waiting}${info.allowed_updates ? `; receives ${info.allowed_updates.join(', ')}` : ''})`;
  if (!info.last_error_message) return text;
  const when = info.last_error_date ? ` at ${new Date(info.last_error_date * 1000).toISOString()}` : '';
  return (
    `${text}. Its last delivery failed${when}: "${info.last_error_message}". Telegram retries: check that the shop ` +
    'is running at PUBLIC_URL with the same WEBHOOK_SECRET (a 401 means the secrets differ)'
  );
}

/** Turns a failed call into words for the merchant; never includes the token (BotApiError does not hold it). */
function explain(method: string, error: unknown): BotSetupError {
  if (!(error instanceof BotApiError)) {
    return new BotSetupError('TELEGRAM_UNREACHABLE', `${method} failed: ${(error as Error)?.message ?? String(error)}`);
  }
  const said = `${error.errorCode} ${error.description}`;
  if (error.errorCode === 0) {
    return new BotSetupError(
      'TELEGRAM_UNREACHABLE',
      `could not reach the Bot API for ${method} (${error.description}): check the internet connection, or BOT_API_URL if you set it`,
    );
  }
  // A wrong token is 401; a token Telegram cannot even parse is 404.
  if (method === 'getMe' && (error.errorCode === 401 || error.errorCode === 404)) {
    return new BotSetupError('BOT_TOKEN_REJECTED', `Telegram rejected BOT_TOKEN (${said}): copy it again from @BotFather (/mybots → your bot → API Token)`);
  }
  if (error.errorCode === 429) {
    return new BotSetupError(
      'TELEGRAM_REFUSED',
      `Telegram asks to slow down (${method}: ${said}${error.retryAfterSeconds ? `, retry after ${error.retryAfterSeconds} s` : ''}): run npm run bot:setup again after that`,
    );
  }
  const hint =
    error.errorCode >= 500
      ? ': a failure on Telegram’s side; run it again in a minute'
      : method === 'setWebhook'
        ? ': PUBLIC_URL must be reachable from the internet over https with a valid certificate'
        : '';
  return new BotSetupError('TELEGRAM_REFUSED', `Telegram refused ${method} (${said})${hint}`);
}
