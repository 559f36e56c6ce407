import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findNodeOnlyUses } from './node-only-uses';

const REPO_ROOT = resolve(import.meta.dirname, '../../..');
const CORE = join(REPO_ROOT, 'functions/core');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );
}

describe('functions/core runs on any Web-standard runtime (Workers, Vercel, Netlify, Node)', () => {
  it('has source files to check', () => {
    expect(sourceFiles(CORE).length).toBeGreaterThan(30);
  });

  it('uses no node: or built-in imports, Buffer, process, require, __dirname or fetch', () => {
    const found = sourceFiles(CORE).flatMap((file) =>
      findNodeOnlyUses(readFileSync(file, 'utf8')).map((use) => `${relative(REPO_ROOT, file)}:${use.line} ${use.rule}: ${use.text}`),
    );
    expect(found).toEqual([]);
  });
});

describe('the check finds what it looks for', () => {
  it.each([
    ["import { createHash } from 'node:crypto';", 'node: import'],
    ["import { readFile } from 'fs/promises';", 'Node built-in module'],
    ["const { join } = await import('path');", 'Node built-in module'],
    ["const os = require('os');", 'require()'],
    ["const bytes = Buffer.from(text, 'base64');", 'Buffer'],
    ['const chunks: Buffer[] = [];', 'Buffer'],
    ["return cell.hash().toString('hex');", 'Buffer method'],
    ['const n = data.readUInt32BE(0);', 'Buffer method'],
    ['const token = process.env.BOT_TOKEN;', 'process'],
    ['const here = __dirname;', '__dirname/__filename'],
    ["const res = await fetch('https://toncenter.com');", 'fetch'],
  ])('%s → %s', (source, rule) => {
    expect(findNodeOnlyUses(source).map((use) => use.rule)).toContain(rule);
  });

  it.each([
    ['// written here rather than taken from `Buffer`', 'a comment'],
    ['/* process.env is read once, in config.ts */', 'a block comment'],
    ["import { Cell } from '@ton/core';", 'a package import'],
    ["import { encodeHex } from '../init-data/encoding';", 'a relative import'],
    ['const hex = encodeHex(bytes); deps.fetchOrders();', 'a name that merely contains fetch'],
    ["throw new Error('Buffer and process are only words here');", 'words inside a string'],
  ])('leaves %s alone (%s)', (source) => {
    expect(findNodeOnlyUses(source)).toEqual([]);
  });
});
