// The layout mirrors for right-to-left languages only if no style names a physical side: every CSS file
// under src/ (and inline styles in components) uses logical properties (margin-inline-start, inset-
// inline-end, text-align: start …). This scan keeps it that way.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../../../../src');

// Where "left"/"right" is allowed, each with the reason.
const ALLOWED: { pattern: RegExp; why: string }[] = [
  {
    // The device's notch insets exist only as physical env() values; styles.css takes the larger of the
    // two for both inline sides (--inset-inline), which is right in either direction.
    pattern: /(?:--tg-(?:content-)?)?safe-area-inset-(?:left|right)\b/g,
    why: 'safe-area insets are only reported per physical side',
  },
];

function filesUnder(dir: string, extension: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path, extension);
    return extension.test(entry.name) ? [path] : [];
  });
}

/** Lines that name a physical side, as "file:line: text", comments and allowed uses left out. */
function findPhysicalSides(css: string, file: string): string[] {
  // Blank out comments but keep their newlines, so line numbers stay right.
  const code = css.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '));
  return code.split('\n').flatMap((line, index) => {
    const stripped = ALLOWED.reduce((text, { pattern }) => text.replace(pattern, ''), line);
    return /\b(?:left|right)\b/i.test(stripped) ? [`${file}:${index + 1}: ${line.trim()}`] : [];
  });
}

describe('physical CSS properties', () => {
  const cssFiles = filesUnder(SRC, /\.css$/);

  it('finds the style sheets to check, the payment one included', () => {
    const names = cssFiles.map((file) => relative(SRC, file));
    expect(names).toEqual(expect.arrayContaining(['ui/styles.css', 'features/payment/payment.css']));
  });

  it('are not used in any style sheet under src/', () => {
    const found = cssFiles.flatMap((file) => findPhysicalSides(readFileSync(file, 'utf8'), relative(SRC, file)));
    expect(found).toEqual([]);
  });

  it('are not used in inline styles or CSS strings in components either', () => {
    const physical =
      /\b(?:margin|padding|border)(?:Left|Right)\b|\b(?:margin|padding|border)-(?:left|right)\b|text-?align['"]?\s*:\s*['"]?(?:left|right)|float['"]?\s*:\s*['"]?(?:left|right)/i;
    const found = filesUnder(SRC, /\.(ts|tsx)$/).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, index) => (physical.test(line) ? [`${relative(SRC, file)}:${index + 1}: ${line.trim()}`] : [])),
    );
    expect(found).toEqual([]);
  });

  it.each([
    ['margin-left: 4px;'],
    ['  padding-right: 0'],
    ['.x { left: 0 }'],
    ['inset: 0 auto auto 0; right: 2px;'],
    ['text-align: left;'],
    ['float: right;'],
    ['border-top-left-radius: 4px;'],
    ['background: linear-gradient(to right, red, blue);'],
  ])('would catch %j', (line) => {
    expect(findPhysicalSides(line, 'x.css')).toHaveLength(1);
  });

  it.each([
    ['margin-inline-start: 4px;'],
    ['/* no margin-left here */ color: red;'],
    ['max(env(safe-area-inset-left, 0px), env(safe-area-inset-right, 0px))'],
    ['calc(var(--tg-safe-area-inset-left, 0px) + var(--tg-content-safe-area-inset-right, 0px))'],
  ])('lets %j through', (line) => {
    expect(findPhysicalSides(line, 'x.css')).toEqual([]);
  });
});
