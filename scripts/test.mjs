#!/usr/bin/env node
// `npm test`: runs the unit, integration and e2e suites one after another (vitest projects), then prints
// one totals line. Options: --projects unit,integration  --label NAME  --results-dir DIR (keeps each
// suite's JSON report there, for .ci/run to add up across runs).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const projects = option('projects', 'unit,integration,e2e').split(',');
const label = option('label', '');
const resultsDir = option('results-dir', mkdtempSync(join(tmpdir(), 'bazaar-test-')));
mkdirSync(resultsDir, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
let crashed = false;
for (const project of projects) {
  const name = label ? `${label}-${project}` : project;
  const outputFile = join(resultsDir, `${name}.json`);
  console.log(`\n=== ${name} ===`);
  const run = spawnSync('npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${outputFile}`], {
    stdio: 'inherit',
    env: process.env,
  });
  if (!existsSync(outputFile)) {
    console.error(`${name}: vitest wrote no report (exit ${run.status}); counting the suite as failed.`);
    crashed = true;
    totals.failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(outputFile, 'utf8'));
  const counts = {
    passed: report.numPassedTests ?? 0,
    failed: report.numFailedTests ?? 0,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
  // A suite that failed to load a file reports no failed test but a failed suite.
  if (run.status !== 0 && counts.failed === 0) {
    crashed = true;
    counts.failed = Math.max(1, report.numFailedTestSuites ?? 1);
  }
  console.log(`${name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  for (const k of Object.keys(totals)) totals[k] += counts[k];
}

console.log(`\ntotal: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 || crashed ? 1 : 0);
