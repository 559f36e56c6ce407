// `npm run push:keys`: the shop's VAPID keys for Web Push. The work is in
// functions/adapters/push/push-keys-cli.ts; this file only hands it the process.
import { runPushKeysCli } from '../functions/adapters/push/push-keys-cli';

process.exitCode = await runPushKeysCli({
  argv: process.argv.slice(2),
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
