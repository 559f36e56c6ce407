import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// The Node server (`npm run serve`, functions/) owns the API, the demo media and the TON Connect
// manifest (its `url` must match the serving origin), so the dev server forwards those to it.
// BAZAAR_API_ORIGIN points it elsewhere when :8080 is taken (this config runs in Node, not the app).
const apiOrigin = process.env.BAZAAR_API_ORIGIN ?? 'http://127.0.0.1:8080';

/**
 * `vite` dev only: copies the dev-mode initData the Node server injects into its own HTML
 * (window.__BAZAAR_DEV__, docs/api.md) into Vite's page, so signed-in screens work with HMR too.
 * Without a running server (or with a real BOT_TOKEN) the page is left as it is.
 */
function devInitDataFromServer(): Plugin {
  return {
    name: 'bazaar-dev-init-data',
    apply: 'serve',
    async transformIndexHtml(html) {
      try {
        const served = await (await fetch(`${apiOrigin}/__vite-dev`, { signal: AbortSignal.timeout(2000) })).text();
        const script = /<script>window\.__BAZAAR_DEV__[\s\S]*?<\/script>/.exec(served)?.[0];
        return script ? html.replace('</head>', `${script}</head>`) : html;
      } catch {
        return html;
      }
    },
  };
}

export default defineConfig({
  plugins: [react(), devInitDataFromServer()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The polyfill only matters for <link rel=modulepreload> in old WebKit, where skipping the
    // preload is harmless; the initial chunk is a single file anyway.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // Everything the first screen needs in one chunk: by default Rolldown splits the modules
        // that lazy screens share with the shell into extra common chunks, which the entry then
        // modulepreloads anyway, and several small gzip streams compress worse than one.
        codeSplitting: { groups: [{ name: 'app', tags: ['$initial'] }] },
      },
    },
  },
  server: {
    proxy: {
      '/api': apiOrigin,
      '/media': apiOrigin,
      '/tonconnect-manifest.json': apiOrigin,
    },
  },
});
