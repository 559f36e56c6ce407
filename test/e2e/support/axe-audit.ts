// axe-core run inside the page with its impact levels and colour contrast included (the storefront
// screens in both Telegram themes and in web mode); support/axe.ts is the admin suite's narrower check.
// Injected from node_modules, so the suite stays offline.
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** Runs axe on the whole document (WCAG 2.x A/AA and best practices) and answers its violations. */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async () => {
    const { axe } = window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } };
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
}

export function isBlocking(violation: AxeViolation): boolean {
  return violation.impact === 'serious' || violation.impact === 'critical';
}

/**
 * One line per violation and the first few elements it names, for a test's output; with `detail`, one
 * more line per element saying what is wrong (axe's summary: the contrast ratio and colours found, say).
 */
export function describeViolations(screen: string, violations: AxeViolation[], detail = false): string[] {
  return violations.flatMap((v) => {
    const shown = v.nodes.slice(0, detail ? 8 : 3);
    const more = v.nodes.length > shown.length ? ` and ${v.nodes.length - shown.length} more` : '';
    const line = `${screen}: [${v.impact}] ${v.id} (${v.help}) at ${shown.map((n) => n.target.join(' ')).join(' | ')}${more}`;
    if (!detail) return [line];
    return [line, ...shown.map((n) => `    ${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ').trim()}`)];
  });
}
