import { readFileSync } from 'node:fs';

/** The part of wrangler.toml the workerd test starts Miniflare with. */
export interface WranglerConfig {
  main: string;
  compatibilityDate: string;
  compatibilityFlags: string[];
  assets: { directory: string; binding: string; notFoundHandling: string; runWorkerFirst: string[] };
  crons: string[];
  vars: Record<string, string>;
}

/**
 * Reads the checked-in wrangler.toml, so the test runs the Worker as it deploys. Only the TOML this file
 * uses: `[table]` headers and `key = value` with a string, boolean or array of strings (one line or
 * several); anything else fails loudly rather than being misread.
 */
export function readWranglerToml(path: string): WranglerConfig {
  const tables: Record<string, Record<string, unknown>> = { '': {} };
  let current = tables['']!;
  let pending: { key: string; text: string } | null = null;
  for (const rawLine of readFileSync(path, 'utf8').split('\n')) {
    const line = stripComment(rawLine).trim();
    if (pending) {
      pending.text += ` ${line}`;
      if (!line.includes(']')) continue;
      current[pending.key] = parseValue(pending.text);
      pending = null;
      continue;
    }
    if (line === '') continue;
    const header = /^\[([A-Za-z0-9_.-]+)\]$/.exec(line);
    if (header) {
      current = tables[header[1]!] ??= {};
      continue;
    }
    const pair = /^([A-Za-z0-9_-]+)\s*=\s*(.+)$/.exec(line);
    if (!pair) throw new Error(`wrangler.toml: cannot read "${rawLine}"`);
    if (pair[2]!.startsWith('[') && !pair[2]!.includes(']')) pending = { key: pair[1]!, text: pair[2]! };
    else current[pair[1]!] = parseValue(pair[2]!);
  }
  const top = tables['']!;
  const assets = tables.assets ?? {};
  return {
    main: String(top.main),
    compatibilityDate: String(top.compatibility_date),
    compatibilityFlags: (top.compatibility_flags as string[] | undefined) ?? [],
    assets: {
      directory: String(assets.directory),
      binding: String(assets.binding),
      notFoundHandling: String(assets.not_found_handling ?? 'none'),
      runWorkerFirst: (assets.run_worker_first as string[] | undefined) ?? [],
    },
    crons: (tables.triggers?.crons as string[] | undefined) ?? [],
    vars: Object.fromEntries(Object.entries(tables.vars ?? {}).map(([k, v]) => [k, String(v)])),
  };
}

function stripComment(line: string): string {
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"' && line[i - 1] !== '\\') inString = !inString;
    if (line[i] === '#' && !inString) return line.slice(0, i);
  }
  return line;
}

function parseValue(text: string): unknown {
  const value = text.trim().replace(/,\s*]$/, ']');
  if (value === 'true' || value === 'false') return value === 'true';
  if (/^"(?:[^"\\]|\\.)*"$/.test(value) || /^\[.*\]$/.test(value)) return JSON.parse(value);
  throw new Error(`wrangler.toml: a value this reader does not know: ${value}`);
}
