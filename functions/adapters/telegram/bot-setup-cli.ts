import { MESSENGER_TRAITS } from '../../core/messenger/messengers';
import { ConfigError, loadConfig } from '../../config';
import { BotSetupError } from '../../core/bot/setup-errors';
import { describeBotSetupPlan, planBotSetup } from '../../core/bot/setup-plan';
import { readBotSetupSettings, type BotSetupSettings } from '../../core/bot/setup-settings';
import { createBotApiClient } from './bot-api-client';
import { setUpBot } from './setup-bot';

export interface BotSetupCliIo {
  argv: string[];
  env: Record<string, string | undefined>;
  out: (line: string) => void;
  err: (line: string) => void;
  /** Into the Bot API; the global fetch by default. */
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

const USAGE = `usage: npm run bot:setup [-- --dry-run]

Points your Telegram bot at the shop: webhook (with WEBHOOK_SECRET), the menu button that opens the shop,
and the command menu in English, Russian, Persian and Hindi. Reads BOT_TOKEN, PUBLIC_URL, WEBHOOK_SECRET,
SHOP_NAME and BOT_API_URL from the environment, as the server does. Safe to run again at any time.

  --dry-run   print what would be sent to Telegram, and send nothing`;

/**
 * `npm run bot:setup`: reads the settings as the server does, then sets the bot up (or, with `--dry-run`,
 * prints the calls). Returns the exit code: 0 done, 1 Telegram refused or could not be reached, 2 the
 * settings or arguments are wrong (nothing was sent).
 */
export async function runBotSetupCli(io: BotSetupCliIo): Promise<number> {
  const unknown = io.argv.filter((arg) => !['--dry-run', '--help', '-h'].includes(arg));
  if (io.argv.includes('--help') || io.argv.includes('-h') || unknown.length > 0) {
    if (unknown.length > 0) io.err(`unknown argument: ${unknown.join(' ')}`);
    (unknown.length > 0 ? io.err : io.out)(USAGE);
    return unknown.length > 0 ? 2 : 0;
  }
  const dryRun = io.argv.includes('--dry-run');

  let settings: BotSetupSettings;
  let botApiUrl: string | undefined;
  let configuredUsername: string | undefined;
  try {
    // bot:setup needs BOT_TOKEN and says so itself (setup-settings.ts): dev mode is not its business.
    const config = loadConfig(io.env, { devModePossible: false });
    botApiUrl = config.env.BOT_API_URL ?? (config.env.MESSENGER === 'telegram' ? undefined : MESSENGER_TRAITS[config.env.MESSENGER].botApiUrl);
    configuredUsername = config.env.BOT_USERNAME;
    settings = readBotSetupSettings(config.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.err(`bot:setup cannot run; fix these settings:\n${error.problems.map((p) => `  - ${p}`).join('\n')}`);
      return 2;
    }
    if (error instanceof BotSetupError) {
      io.err(error.message);
      return 2;
    }
    throw error;
  }

  // Nothing printed may show the token or the secret, whatever an error message carries.
  const secrets = [settings.botToken, settings.webhookSecret];
  const redact = (line: string) => secrets.reduce((text, secret) => text.split(secret).join('<hidden>'), line);
  const out = (line: string) => io.out(redact(line));
  const err = (line: string) => io.err(redact(line));

  const plan = planBotSetup(settings);
  if (dryRun) {
    out(`Dry run: nothing is sent to Telegram. For ${settings.publicUrl}, a real run would call:`);
    for (const line of describeBotSetupPlan(plan)) out(`  ${line}`);
    return 0;
  }

  out(`Setting up the bot for ${settings.publicUrl}${botApiUrl ? ` (Bot API at ${botApiUrl})` : ''}`);
  const bot = createBotApiClient({ token: settings.botToken, ...(botApiUrl && { baseUrl: botApiUrl }), ...(io.fetch && { fetch: io.fetch }) });
  try {
    const result = await setUpBot(bot, plan, { onStep: (step) => out(`  ✓ ${step.method}: ${step.done}`), ...(io.sleep && { sleep: io.sleep }) });
    const username = result.bot.username;
    out('Done. Running it again is safe: Telegram replaces each setting with the same value.');
    if (username && configuredUsername?.toLowerCase() !== username.toLowerCase()) {
      // The server needs the name for the web Login Widget and to tell `/start@this_bot` in groups.
      out(
        configuredUsername
          ? `Note: BOT_USERNAME is ${configuredUsername}, but this bot is @${username}: set BOT_USERNAME=${username} for the server.`
          : `Note: set BOT_USERNAME=${username} for the server too (web sign-in needs it).`,
      );
    }
    if (username) {
      out(`Next: open https://t.me/${username} and send /start.`);
      out(`For sign-in on the web, send /setdomain to @BotFather, pick @${username} and give it ${new URL(settings.publicUrl).host}.`);
    }
    return 0;
  } catch (error) {
    if (error instanceof BotSetupError) {
      err(`  ✗ ${error.message}`);
      return 1;
    }
    err(`  ✗ unexpected failure: ${(error as Error)?.stack ?? String(error)}`);
    return 1;
  }
}
