import type { BotCommand, MenuButtonWebApp, SetWebhookParams } from '../telegram/bot-api';
import { MESSENGER_TRAITS } from '../messenger/messengers';
import { BOT_ALLOWED_UPDATES } from './allowed-updates';
import { BOT_COMMAND_LANGUAGES, listBotCommands } from './bot-commands';
import type { BotSetupSettings } from './setup-settings';

/** Where the server listens for Telegram's updates, below PUBLIC_URL. */
export const WEBHOOK_PATH = 'api/telegram/webhook';

// The Bot API documents no limit for a menu button's text, but the button sits beside the message field
// and clients cut a long label; past this many characters the plain word reads better than a cut name.
const MENU_BUTTON_MAX_CHARS = 20;

/** The Bot API calls that set the bot up, with their exact parameters. */
export interface BotSetupPlan {
  webhook: SetWebhookParams;
  menuButton: MenuButtonWebApp;
  /** The default (English) list first, then one per language. */
  commandLists: { language_code?: string; commands: BotCommand[] }[];
}

/** Builds every call from the settings alone, so that a dry run shows exactly what a real run sends. */
export function planBotSetup(settings: BotSetupSettings): BotSetupPlan {
  const base = settings.publicUrl.endsWith('/') ? settings.publicUrl : `${settings.publicUrl}/`;
  const name = settings.shopName.trim();
  return {
    webhook: {
      // A messenger that may not send the secret header gets it as the URL's last segment (webhook-routes.ts).
      url: MESSENGER_TRAITS[settings.messenger].webhookSecretInHeader ? `${base}${WEBHOOK_PATH}` : `${base}${WEBHOOK_PATH}/${settings.webhookSecret}`,
      secret_token: settings.webhookSecret,
      allowed_updates: [...BOT_ALLOWED_UPDATES],
      // Updates that waited while the shop was unreachable are still answered after a rerun.
      drop_pending_updates: false,
    },
    menuButton: {
      type: 'web_app',
      text: name.length > 0 && [...name].length <= MENU_BUTTON_MAX_CHARS ? name : 'Shop',
      web_app: { url: settings.publicUrl },
    },
    commandLists: [
      { commands: listBotCommands() },
      ...BOT_COMMAND_LANGUAGES.map((language) => ({ language_code: language, commands: listBotCommands(language) })),
    ],
  };
}

/** What a run would do, one line per Bot API call, for `--dry-run`. The secret is never shown. */
export function describeBotSetupPlan(plan: BotSetupPlan): string[] {
  const { secret_token: secret, ...webhook } = plan.webhook;
  webhook.url = webhook.url.split(secret).join('<WEBHOOK_SECRET>');
  return [
    'getMe: check that Telegram accepts BOT_TOKEN',
    `setWebhook: ${JSON.stringify({ ...webhook, secret_token: '<WEBHOOK_SECRET, not shown>' })}`,
    `setChatMenuButton: ${JSON.stringify({ menu_button: plan.menuButton })}`,
    ...plan.commandLists.map(
      (list) => `setMyCommands (${list.language_code ?? 'default'}): ${list.commands.map((c) => `/${c.command} ${c.description}`).join('; ')}`,
    ),
    'getWebhookInfo: confirm that Telegram has the webhook',
  ];
}
