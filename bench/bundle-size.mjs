#!/usr/bin/env node
// Reports the Mini App's first-screen weight after `vite build`, gzip level 9: the JS and the CSS that
// must arrive before the first screen shows, for the two ways a first screen loads (issue #14):
// - on the web (target ≤ 70 KiB): the entry module script in dist/index.html plus every chunk it
//   modulepreloads or imports statically, and the stylesheets index.html links;
// - inside Telegram (target ≤ 80 KiB): that plus the chunk of src/platform/telegram.ts (Telegram's
//   SDK), which src/platform/load-platform.ts imports before the first render when Telegram opened the
//   page, and whatever that chunk imports statically. The chunk is found through Vite's manifest
//   (dist/.vite/manifest.json, build.manifest in vite.config.ts), not by guessing file names.
// Then each chunk that loads later. It only reports ("OVER BUDGET" when a figure is); CI prints it.
// Always exits 0. A chunk imported statically but not preloaded still blocks the first screen, so
// static imports are followed too (dynamic `import()` is not: that is what lazy means).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const WEB_TARGET_BYTES = 70 * 1024;
const TELEGRAM_TARGET_BYTES = 80 * 1024;
// The module whose chunk the Telegram path loads before the first screen (a manifest key).
const TELEGRAM_MODULE = 'src/platform/telegram.ts';
const dist = resolve(process.argv[2] ?? 'dist');

function gzipBytes(file) {
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

function attributeValues(html, tagPattern, attribute) {
  const values = [];
  for (const [tag] of html.matchAll(tagPattern)) {
    const value = new RegExp(`\\b${attribute}=["']([^"']+)["']`).exec(tag)?.[1];
    if (value) values.push(value);
  }
  return values;
}

// `import{a}from"./x.js"`, `import"./x.js"`, `export{a}from"./x.js"`; not `import("./x.js")`.
const STATIC_IMPORT = /\b(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+)["']/g;

/** The chunk URLs reachable from `urls` by static imports, `urls` included. */
function withStaticImports(urls, toFile) {
  const seen = new Set();
  const queue = [...urls];
  while (queue.length > 0) {
    const url = queue.shift();
    if (seen.has(url) || /^https?:/.test(url)) continue;
    seen.add(url);
    const file = toFile(url);
    if (!existsSync(file)) continue;
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
      queue.push(new URL(spec, `http://x${url}`).pathname);
    }
  }
  return [...seen];
}

/** The URL of the chunk built from `moduleKey`, from Vite's manifest; null when there is none. */
function chunkUrlOf(moduleKey) {
  const manifestPath = join(dist, '.vite', 'manifest.json');
  if (!existsSync(manifestPath)) return null;
  const file = JSON.parse(readFileSync(manifestPath, 'utf8'))[moduleKey]?.file;
  return file ? `/${file}` : null;
}

function verdict(bytes, target) {
  return `${bytes} bytes gzip (target ≤ ${target}, ${target / 1024} KiB)${bytes > target ? ' OVER BUDGET' : ''}`;
}

function main() {
  const indexPath = join(dist, 'index.html');
  if (!existsSync(indexPath)) {
    console.log(`bundle-size: ${indexPath} not found; run \`vite build\` first.`);
    return;
  }
  const html = readFileSync(indexPath, 'utf8');
  const entryScripts = attributeValues(html, /<script\b[^>]*\btype=["']module["'][^>]*>/g, 'src');
  const preloads = attributeValues(html, /<link\b[^>]*\brel=["']modulepreload["'][^>]*>/g, 'href');
  const stylesheets = attributeValues(html, /<link\b[^>]*\brel=["']stylesheet["'][^>]*>/g, 'href').filter((url) => !/^https?:/.test(url));
  const toFile = (url) => join(dist, url.replace(/^\//, '').split(/[?#]/)[0]);
  const initial = withStaticImports([...new Set([...entryScripts, ...preloads])], toFile).filter((url) => !/^https?:/.test(url));

  const telegramChunk = chunkUrlOf(TELEGRAM_MODULE);
  const initialSet = new Set(initial);
  const telegramOnly = telegramChunk ? withStaticImports([telegramChunk], toFile).filter((url) => !initialSet.has(url)) : [];

  const rows = [];
  let initialBytes = 0;
  for (const url of initial) {
    const bytes = gzipBytes(toFile(url));
    initialBytes += bytes;
    rows.push(`  initial  ${String(bytes).padStart(8)}  ${url}`);
  }
  let cssBytes = 0;
  for (const url of stylesheets) {
    const bytes = gzipBytes(toFile(url));
    cssBytes += bytes;
    rows.push(`  css      ${String(bytes).padStart(8)}  ${url}`);
  }
  let telegramBytes = initialBytes;
  for (const url of telegramOnly) {
    const bytes = gzipBytes(toFile(url));
    telegramBytes += bytes;
    rows.push(`  telegram ${String(bytes).padStart(8)}  ${url}`);
  }
  const initialFiles = new Set([...initial, ...telegramOnly].map(toFile));
  const assetsDir = join(dist, 'assets');
  const lazy = existsSync(assetsDir)
    ? readdirSync(assetsDir)
        .filter((name) => name.endsWith('.js'))
        .map((name) => join(assetsDir, name))
        .filter((file) => !initialFiles.has(file))
        .map((file) => ({ file, bytes: gzipBytes(file) }))
        .sort((a, b) => b.bytes - a.bytes)
    : [];
  for (const { file, bytes } of lazy) {
    rows.push(`  lazy     ${String(bytes).padStart(8)}  ${file.slice(dist.length)}`);
  }

  console.log('First-screen JS and CSS, then lazy JS, bytes gzip (level 9):');
  console.log(rows.join('\n'));
  console.log(`lazy JS: ${lazy.reduce((n, c) => n + c.bytes, 0)} bytes gzip in ${lazy.length} chunks`);
  const webBytes = initialBytes + cssBytes;
  console.log(`first screen on the web: ${verdict(webBytes, WEB_TARGET_BYTES)} = JS ${initialBytes} + CSS ${cssBytes}`);
  if (telegramChunk) {
    console.log(
      `first screen inside Telegram: ${verdict(telegramBytes + cssBytes, TELEGRAM_TARGET_BYTES)} = JS ${telegramBytes} + CSS ${cssBytes} (+ ${telegramOnly.join(', ')})`,
    );
  } else {
    console.log(`first screen inside Telegram: unknown (no ${TELEGRAM_MODULE} chunk in ${dist}/.vite/manifest.json; build with build.manifest)`);
  }
}

try {
  main();
} catch (error) {
  console.log(`bundle-size: could not measure: ${error instanceof Error ? error.message : error}`);
}
process.exitCode = 0;
