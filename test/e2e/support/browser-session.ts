import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import { onTestFailed, onTestFinished } from 'vitest';
import { ARTIFACTS_DIR } from './paths';

/** A phone in portrait, the size Telegram gives a Mini App on most Android phones. */
export const PHONE_VIEWPORT = { width: 390, height: 844 } as const;

export interface SessionOptions {
  /** The folder under test/e2e/artifacts/ for this test's screenshots. */
  name: string;
  /** The shop's origin: requests anywhere else are blocked (the suite runs offline) and recorded. */
  origin: string;
  /** Console errors this test provokes on purpose, each with a reason in the calling test. */
  expectedConsoleErrors?: RegExp[];
  colorScheme?: 'light' | 'dark';
}

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and console errors not expected by the test, as readable lines. */
  problems(): string[];
  /** URLs outside the shop's origin the page tried to load (blocked). */
  externalRequests(): string[];
  /** Saves what the phone screen shows as test/e2e/artifacts/<name>/<NN>-<step>.png; returns the path. */
  screenshot(step: string): Promise<string>;
}

/**
 * A fresh browser context and page for one test, closed when the test finishes. It collects every
 * uncaught page error and console error, so a test can fail on them, and prints them if the test fails.
 */
export async function openSession(browser: Browser, options: SessionOptions): Promise<BrowserSession> {
  const context = await browser.newContext({
    viewport: PHONE_VIEWPORT,
    isMobile: true,
    hasTouch: true,
    colorScheme: options.colorScheme ?? 'light',
    locale: 'en-US',
  });
  onTestFinished(() => context.close());
  const page = await context.newPage();
  // Fail fast with the locator in the message instead of running into the test timeout.
  page.setDefaultTimeout(10_000);
  page.setDefaultNavigationTimeout(30_000);

  const problems: string[] = [];
  const external: string[] = [];
  const blocked = new Set<string>();
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.stack ?? error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (isBlockedLoadFailure(message, blocked)) return;
    if (options.expectedConsoleErrors?.some((re) => re.test(message.text()))) return;
    problems.push(`console.error: ${message.text()} (${message.location().url})`);
  });
  await context.route(
    (url) => url.origin !== options.origin && url.protocol.startsWith('http'),
    (route) => {
      const url = route.request().url();
      external.push(url);
      blocked.add(url);
      return route.abort('internetdisconnected');
    },
  );
  onTestFailed(() => {
    if (problems.length > 0) console.error(`[e2e] ${options.name}: page problems:\n  ${problems.join('\n  ')}`);
    if (external.length > 0) console.error(`[e2e] ${options.name}: blocked external requests:\n  ${external.join('\n  ')}`);
  });

  const dir = join(ARTIFACTS_DIR, options.name);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  let shots = 0;

  return {
    context,
    page,
    problems: () => [...problems],
    externalRequests: () => [...external],
    async screenshot(step) {
      shots += 1;
      const path = join(dir, `${String(shots).padStart(2, '0')}-${step}.png`);
      await page.screenshot({ path, animations: 'disabled' });
      return path;
    },
  };
}

// Chromium logs "Failed to load resource" for a request we aborted ourselves: that one is ours, not the app's.
function isBlockedLoadFailure(message: ConsoleMessage, blocked: Set<string>): boolean {
  return message.text().startsWith('Failed to load resource') && blocked.has(message.location().url);
}
