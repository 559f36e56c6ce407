import { readFileSync } from 'node:fs';

export type TomlTable = Record<string, unknown>;

/**
 * Reads the TOML the platform files use (wrangler.toml, netlify.toml), so tests check the checked-in
 * configuration: `[table]` and `[[array.of.tables]]` headers (one level of nesting), `key = value` with a
 * string, boolean, number or array of strings (on one line or several). Anything else fails loudly
 * rather than being misread.
 */
export function readToml(path: string): TomlTable {
  const root: TomlTable = {};
  let current = root;
  let pending: { key: string; text: string } | null = null;
  for (const rawLine of readFileSync(path, 'utf8').split('\n')) {
    const line = stripComment(rawLine).trim();
    if (pending) {
      pending.text += ` ${line}`;
      if (line.includes(']')) {
        current[pending.key] = parseValue(pending.text);
        pending = null;
      }
      continue;
    }
    if (line === '') continue;
    const arrayHeader = /^\[\[([A-Za-z0-9_-]+)\]\]$/.exec(line);
    const header = /^\[([A-Za-z0-9_.-]+)\]$/.exec(line);
    if (arrayHeader) {
      const list = (root[arrayHeader[1]!] ??= []) as TomlTable[];
      list.push((current = {}));
    } else if (header) {
      const [first, second] = header[1]!.split('.') as [string, string | undefined];
      if (second === undefined) current = (root[first] ??= {}) as TomlTable;
      else {
        // `[headers.values]` after `[[headers]]`: a table inside the last element of the array.
        const parent = root[first];
        const owner = Array.isArray(parent) ? (parent.at(-1) as TomlTable) : ((root[first] ??= {}) as TomlTable);
        current = (owner[second] ??= {}) as TomlTable;
      }
    } else {
      const pair = /^([A-Za-z0-9_-]+)\s*=\s*(.+)$/.exec(line);
      if (!pair) throw new Error(`${path}: cannot read "${rawLine}"`);
      if (pair[2]!.startsWith('[') && !pair[2]!.includes(']')) pending = { key: pair[1]!, text: pair[2]! };
      else current[pair[1]!] = parseValue(pair[2]!);
    }
  }
  return root;
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
  if (/^-?\d+$/.test(value)) return Number(value);
  if (/^"(?:[^"\\]|\\.)*"$/.test(value) || /^\[.*\]$/.test(value)) return JSON.parse(value);
  throw new Error(`a TOML value this reader does not know: ${value}`);
}
