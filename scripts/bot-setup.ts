// `npm run bot:setup`: points the Telegram bot at the shop. The work is in
// functions/adapters/telegram/bot-setup-cli.ts; this file only hands it the process.
import { runBotSetupCli } from '../functions/adapters/telegram/bot-setup-cli';

process.exitCode = await runBotSetupCli({
  argv: process.argv.slice(2),
  env: process.env,
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
