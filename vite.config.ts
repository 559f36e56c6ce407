import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The Node server (`npm run serve`, functions/) owns the API, the demo media and the TON Connect
// manifest (its `url` must match the serving origin), so the dev server forwards those to it.
const apiOrigin = 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
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
