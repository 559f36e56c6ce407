#!/usr/bin/env node
// Reports the Mini App's JS weight after `vite build`: the initial JS (the entry module script in
// dist/index.html plus every chunk it modulepreloads, i.e. what the first screen waits for) and
// each chunk that loads later, gzip level 9. It only reports; CI compares. Always exits 0.
// A chunk the entry imports statically but nobody preloads still blocks the first screen, so
// static imports are followed too (dynamic `import()` is not: that is what lazy means).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const TARGET_BYTES = 90 * 1024;
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

function main() {
  const indexPath = join(dist, 'index.html');
  if (!existsSync(indexPath)) {
    console.log(`bundle-size: ${indexPath} not found; run \`vite build\` first.`);
    return;
  }
  const html = readFileSync(indexPath, 'utf8');
  const entryScripts = attributeValues(html, /<script\b[^>]*\btype=["']module["'][^>]*>/g, 'src');
  const preloads = attributeValues(html, /<link\b[^>]*\brel=["']modulepreload["'][^>]*>/g, 'href');
  const toFile = (url) => join(dist, url.replace(/^\//, '').split(/[?#]/)[0]);
  const initial = withStaticImports([...new Set([...entryScripts, ...preloads])], toFile).filter(
    (url) => !/^https?:/.test(url),
  );

  const rows = [];
  let initialBytes = 0;
  for (const url of initial) {
    const bytes = gzipBytes(toFile(url));
    initialBytes += bytes;
    rows.push(`  initial  ${String(bytes).padStart(8)}  ${url}`);
  }
  const initialFiles = new Set(initial.map(toFile));
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

  console.log('JS chunks, bytes gzip (level 9):');
  console.log(rows.join('\n'));
  console.log(`lazy JS: ${lazy.reduce((n, c) => n + c.bytes, 0)} bytes gzip in ${lazy.length} chunks`);
  console.log(`initial JS: ${initialBytes} bytes gzip (target ≤ ${TARGET_BYTES})`);
}

try {
  main();
} catch (error) {
  console.log(`bundle-size: could not measure: ${error instanceof Error ? error.message : error}`);
}
process.exitCode = 0;
