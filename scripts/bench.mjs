#!/usr/bin/env node
// `npm run bench`: every benchmark in bench/, one after another, each printing its own figures.
// The Mini App is built first when dist/ is missing (the bundle-size benchmark reads it).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const run = (command, args) => {
  console.log(`\n$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exitCode = 1;
};

if (!existsSync('dist/index.html')) run('npx', ['vite', 'build', '--logLevel', 'warn']);
run('node', ['bench/bundle-size.mjs']);
// Builds the shop and the naive reference into folders of its own; needs /usr/bin/chromium.
run('npx', ['tsx', 'bench/first-paint.bench.ts']);
run('npx', ['tsx', 'bench/init-data.bench.ts']);
run('npx', ['tsx', 'bench/ton-devchain.bench.ts']);
run('npx', ['tsx', 'bench/usdt-devchain.bench.ts']);
run('npx', ['tsx', 'bench/payments.bench.ts']);
run('npx', ['tsx', 'bench/load.bench.ts']);
run('npx', ['tsx', 'bench/catalog-reads.bench.ts']);
// The PostgreSQL server's figures (each skips itself when none is reachable). The spike runs its short
// form here (600 customers in 20 s); `npx tsx bench/spike.bench.ts` is the full 2,000 in 60 s.
run('npx', ['tsx', 'bench/orders-floor.bench.ts']);
run('npx', ['tsx', 'bench/spike.bench.ts', '--short']);
