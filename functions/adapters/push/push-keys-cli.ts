import { appendFile, readFile } from 'node:fs/promises';
import { generateVapidKeys } from './web-push-sender';

export interface PushKeysCliIo {
  argv: readonly string[];
  out: (line: string) => void;
  err: (line: string) => void;
}

const USAGE = 'usage: npm run push:keys [-- --subject mailto:you@example.com] [-- --write .env]';

/**
 * `npm run push:keys`: makes the shop's VAPID key pair (RFC 8292) and prints the three settings Web Push
 * needs; with `--write <file>` also appends them to that env file, unless it has VAPID keys already (a new
 * pair would silently cut off every browser subscribed with the old public key). Returns the exit code.
 */
export async function runPushKeysCli(io: PushKeysCliIo): Promise<number> {
  const args = parseArgs(io.argv);
  if (typeof args === 'string') {
    io.err(args);
    io.err(USAGE);
    return 2;
  }
  const keys = generateVapidKeys();
  const lines = [
    '# Web Push (npm run push:keys). Secrets: keep VAPID_PRIVATE_KEY out of the repository; a new pair drops every subscribed browser.',
    `VAPID_PUBLIC_KEY=${keys.publicKey}`,
    `VAPID_PRIVATE_KEY=${keys.privateKey}`,
    `VAPID_SUBJECT=${args.subject}`,
  ];
  if (args.write) {
    const existing = await readFile(args.write, 'utf8').catch(() => '');
    if (/^\s*VAPID_PRIVATE_KEY=\S/m.test(existing)) {
      io.err(`${args.write} has VAPID keys already; nothing written (remove them first to make a new pair).`);
      return 1;
    }
    await appendFile(args.write, `${existing === '' || existing.endsWith('\n') ? '' : '\n'}${lines.join('\n')}\n`, { mode: 0o600 });
    io.out(`Wrote the VAPID keys to ${args.write}.`);
    return 0;
  }
  for (const line of lines) io.out(line);
  return 0;
}

function parseArgs(argv: readonly string[]): { subject: string; write: string | null } | string {
  let subject = 'mailto:owner@example.com';
  let write: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i];
    const value = argv[i + 1];
    if ((name === '--subject' || name === '--write') && (value === undefined || value.startsWith('--'))) return `${name} needs a value`;
    if (name === '--subject') {
      if (!/^(mailto:\S+@\S+|https:\/\/\S+)$/.test(value!)) return '--subject must be a mailto: address or an https: URL';
      subject = value!;
      i++;
    } else if (name === '--write') {
      write = value!;
      i++;
    } else return `unknown argument ${String(name)}`;
  }
  return { subject, write };
}
