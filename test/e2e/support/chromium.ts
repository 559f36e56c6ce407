import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`); we never download a browser (`npx playwright install`). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

// Quiet, offline-friendly flags: no background update/sync/QUIC traffic that could log errors or slow a run.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export type ChromiumAvailability = { run: true } | { run: false; reason: string };

/**
 * Whether the E2E suite can run here. A missing browser fails loudly in CI (`REQUIRE_E2E=1`) and skips
 * with a printed reason on a developer's machine that has not installed it yet.
 */
export function checkChromium(env: NodeJS.ProcessEnv = process.env, path = CHROMIUM_PATH): ChromiumAvailability {
  if (existsSync(path)) return { run: true };
  const reason = `${path} is missing; install it with \`apt-get install -y chromium\` to run the E2E suite`;
  if (env.REQUIRE_E2E === '1') throw new Error(`REQUIRE_E2E=1 but ${reason}.`);
  console.warn(`\n[e2e] SKIPPED: ${reason}.\n`);
  return { run: false, reason };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}
