// The naive reference of the first-paint benchmark (bench/first-paint.bench.ts, #14): the same src/ and
// index.html on the same stack (React 19, react-dom, TON Connect, Telegram's SDK), built the way a first
// version would be: every `import()` in src/ made a static import (TON Connect, Telegram's SDK, every
// screen and every language's catalog in the first download), Vite's default chunking, no
// precompression, no preload tricks. Served with ordinary on-the-fly gzip by the benchmark.
// Build: npx vite build --config bench/naive/vite.config.ts --outDir <dir>
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const DYNAMIC_IMPORT = /\bimport\(\s*(['"])([^'"]+)\1\s*\)/g;

/** `import('./x')` in src/ becomes `Promise.resolve(ns)` with `import * as ns from './x'` on top. */
function eagerImports(): Plugin {
  return {
    name: 'bazaar-bench-eager-imports',
    enforce: 'pre',
    transform(code, id) {
      if (!id.startsWith(SRC) || !/\.(ts|tsx)$/.test(id) || !code.includes('import(')) return null;
      const hoisted: string[] = [];
      const body = code.replace(DYNAMIC_IMPORT, (_match, _quote: string, specifier: string) => {
        const name = `__bazaarEager${hoisted.length}`;
        hoisted.push(`import * as ${name} from ${JSON.stringify(specifier)};`);
        return `Promise.resolve(${name})`;
      });
      return { code: `${hoisted.join('\n')}\n${body}`, map: null };
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  publicDir: 'public',
  plugins: [react(), eagerImports()],
  build: { target: 'es2022', emptyOutDir: true },
});
