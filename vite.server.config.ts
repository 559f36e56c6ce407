import { cpSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

/** The SQL migrations beside the bundle, where functions/adapters/db/migrate.ts looks for them. */
function copyMigrations(): Plugin {
  let outDir = 'dist';
  return {
    name: 'bazaar-copy-migrations',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      cpSync('functions/adapters/db/migrations', join(outDir, 'migrations'), { recursive: true });
    },
  };
}

// The Node server (functions/platforms/node.ts) as one file, dist/server.js, for any VPS or container:
// `npm run build:server` builds the Mini App into dist/ first, then this beside it, and
// `node dist/server.js` serves both. Packages stay imports from node_modules (Vite's default for SSR),
// so PGlite's WebAssembly and the dev chain's files load from their own packages.
export default defineConfig({
  publicDir: false,
  plugins: [copyMigrations()],
  ssr: { target: 'node' },
  build: {
    ssr: 'functions/platforms/node.ts',
    outDir: 'dist',
    // The Mini App was just built into dist/; this adds to it.
    emptyOutDir: false,
    target: 'node20',
    minify: false,
    sourcemap: true,
    rolldownOptions: { output: { entryFileNames: 'server.js', format: 'es' } },
  },
});
