import { defineConfig } from 'vite';

// The Cloudflare Worker (functions/platforms/cloudflare.ts) as one ES module, everything bundled:
// `npm run build:worker` → dist-worker/index.js, which wrangler.toml uploads as is (no_bundle), so the
// bundle the workerd test runs is the one that deploys. Packages resolve with the `workerd` export
// condition (the `postgres` driver then uses cloudflare:sockets); Node built-ins stay imports, served by
// the runtime under the nodejs_compat flag.
export default defineConfig({
  // No index.html, no public/ copying: this build is the server code only.
  publicDir: false,
  resolve: {
    conditions: ['workerd', 'worker', 'browser', 'import', 'module', 'default'],
  },
  ssr: {
    target: 'webworker',
    noExternal: true,
    resolve: {
      conditions: ['workerd', 'worker', 'browser', 'import', 'module', 'default'],
      externalConditions: ['workerd', 'worker'],
    },
  },
  build: {
    ssr: 'functions/platforms/cloudflare.ts',
    outDir: 'dist-worker',
    emptyOutDir: true,
    target: 'es2022',
    minify: false,
    sourcemap: true,
    rolldownOptions: {
      external: [/^cloudflare:/, /^node:/],
      output: { entryFileNames: 'index.js', format: 'es', codeSplitting: false },
    },
  },
});
