import { builtinModules } from 'node:module';

/** A Node-only thing found in a source file, with its line. */
export interface NodeOnlyUse {
  line: number;
  rule: string;
  text: string;
}

const BUILTINS = new Set(builtinModules.filter((name) => !name.startsWith('_')));

// `readsStrings`: the rule needs the contents of string literals (module names, encodings); the others
// see code with string contents blanked, so that a message mentioning "process" is not a use of it.
const RULES: { rule: string; pattern: RegExp; readsStrings?: true; applies?: (match: RegExpExecArray) => boolean }[] = [
  { rule: 'node: import', pattern: /\b(?:from|import)\s*\(?\s*['"]node:[^'"]+['"]/g, readsStrings: true },
  {
    rule: 'Node built-in module',
    pattern: /\b(?:from|import)\s*\(?\s*['"]([a-z_/]+)['"]/g,
    readsStrings: true,
    applies: (match) => BUILTINS.has(match[1]!) || BUILTINS.has(match[1]!.split('/')[0]!),
  },
  { rule: 'require()', pattern: /\brequire\s*\(/g },
  { rule: 'Buffer', pattern: /\bBuffer\b/g },
  {
    rule: 'Buffer method',
    pattern:
      /\.(?:toString\(\s*['"](?:base64|base64url|hex|utf-?8|binary|latin1)['"]|read(?:U?Int|BigU?Int|Float|Double)\w*\(|write(?:U?Int|BigU?Int|Float|Double)\w*\()/g,
    readsStrings: true,
  },
  { rule: 'process', pattern: /\bprocess\s*\.|\bprocess\s*\[/g },
  { rule: '__dirname/__filename', pattern: /\b__(?:dirname|filename)\b/g },
  // Not Node-only, but I/O: the core gets what it needs passed in (STYLE.md).
  { rule: 'fetch', pattern: /(?<![.\w])fetch\s*\(|globalThis\.fetch\b/g },
];

/**
 * Node-only APIs in TypeScript source: node: and bare built-in imports (fs, crypto, …), require, Buffer
 * and its methods, process, __dirname — and fetch, which is I/O. Comments are ignored (a comment may
 * explain why Buffer is not used), and so are words inside strings, except where a rule reads strings.
 */
export function findNodeOnlyUses(source: string): NodeOnlyUse[] {
  const withStrings = blankOut(source, { strings: false });
  const withoutStrings = blankOut(source, { strings: true });
  const uses: NodeOnlyUse[] = [];
  for (const { rule, pattern, readsStrings, applies } of RULES) {
    const code = readsStrings ? withStrings : withoutStrings;
    for (const match of code.matchAll(pattern)) {
      if (applies && !applies(match as RegExpExecArray)) continue;
      const line = code.slice(0, match.index).split('\n').length;
      uses.push({ line, rule, text: source.split('\n')[line - 1]!.trim() });
    }
  }
  return uses.sort((a, b) => a.line - b.line);
}

/** Blanks out comments, and string contents when asked, keeping line breaks so line numbers still match. */
function blankOut(source: string, options: { strings: boolean }): string {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    const next = source[i + 1];
    if (char === '"' || char === "'" || char === '`') {
      const end = endOfString(source, i);
      const literal = source.slice(i, end);
      // Template literals keep their contents: `${…}` holds code.
      out += options.strings && char !== '`' ? char + literal.slice(1, -1).replace(/[^\n]/g, ' ') + char : literal;
      i = end - 1;
    } else if (char === '/' && next === '/') {
      while (i < source.length && source[i] !== '\n') i++;
      out += '\n';
    } else if (char === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const comment = source.slice(i, end < 0 ? source.length : end + 2);
      out += comment.replace(/[^\n]/g, ' ');
      i += comment.length - 1;
    } else {
      out += char;
    }
  }
  return out;
}

function endOfString(source: string, start: number): number {
  const quote = source[start];
  for (let i = start + 1; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === quote) return i + 1;
  }
  return source.length;
}
