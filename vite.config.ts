import { defineConfig, type Plugin, type ProxyOptions } from 'vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { precompressDir } from './scripts/precompress.ts';

// The Node server (`npm run serve`, functions/) owns the API, the demo media and the TON Connect
// manifest (its `url` must match the serving origin), so the dev server forwards those to it.
// BAZAAR_API_ORIGIN points it elsewhere when :8080 is taken (this config runs in Node, not the app).
const apiOrigin = process.env.BAZAAR_API_ORIGIN ?? 'http://127.0.0.1:8080';

/**
 * The server takes a web sign-in or a cookie-authenticated change only from its own address (its listen
 * address, or PUBLIC_URL), never from the Host a request names (docs/api.md, Authentication). Vite's page
 * is on another port, so for that page's own requests (an Origin equal to the Host they were sent to) the
 * proxy names the server's origin instead. Other sites' requests keep their Origin and are refused.
 */
const toServer: ProxyOptions = {
  target: apiOrigin,
  configure: (proxy) =>
    proxy.on('proxyReq', (proxyReq, req) => {
      const origin = req.headers.origin;
      if (origin && URL.canParse(origin) && new URL(origin).host === req.headers.host) proxyReq.setHeader('origin', apiOrigin);
    }),
};

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

/**
 * `vite build` only: `.br` and `.gz` beside every compressible file of the build (scripts/precompress.ts),
 * for the Node server to send by content negotiation. Serverless hosts compress on their own edge.
 */
function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'bazaar-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      await precompressDir(outDir);
    },
  };
}

// The same signs src/platform/platform.ts's mayBeInsideTelegram reads (launch params in the hash, the
// SDK's copy of them in sessionStorage, the mobile clients' bridge, a parent frame); keep them in step.
const MAY_BE_INSIDE_TELEGRAM =
  "/[#&?]tgWebApp(Data|Platform)=/.test(location.hash)||/\"tgWebApp(Data|Platform)\"/.test(sessionStorage.getItem('__telegram__initParams'))||'TelegramWebviewProxy'in window||parent!==window";

/**
 * `vite build` only: when Telegram opened the page, starts fetching the chunk with Telegram's SDK
 * (src/platform/telegram.ts) beside the entry, instead of after the entry has run and imported it: a
 * tiny inline script adds `<link rel=modulepreload>` for it (and its static imports) before the entry
 * runs. A website visitor still never downloads it. The hashed names come from the bundle.
 */
function preloadTelegramChunk(): Plugin {
  return {
    name: 'bazaar-preload-telegram-chunk',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        const chunks = Object.values(bundle ?? {}).flatMap((output) => (output.type === 'chunk' ? [output] : []));
        const telegram = chunks.find((chunk) => chunk.facadeModuleId?.endsWith('/src/platform/telegram.ts'));
        if (!telegram) throw new Error('preloadTelegramChunk: no chunk for src/platform/telegram.ts in the bundle');
        const entries = new Set(chunks.filter((chunk) => chunk.isEntry).map((chunk) => chunk.fileName));
        const files = [telegram.fileName, ...telegram.imports.filter((file) => !entries.has(file))];
        const script =
          `try{if(${MAY_BE_INSIDE_TELEGRAM})${JSON.stringify(files.map((file) => `/${file}`))}.forEach(function(h){` +
          `var l=document.createElement('link');l.rel='modulepreload';l.crossOrigin='';l.href=h;document.head.appendChild(l)})}catch(e){}`;
        // Right after <meta charset>: before the stylesheet, which would hold an inline script back.
        const charset = /<meta charset[^>]*>/i.exec(html);
        if (!charset) throw new Error('preloadTelegramChunk: index.html has no <meta charset>');
        const at = charset.index + charset[0].length;
        return `${html.slice(0, at)}\n    <script>${script}</script>${html.slice(at)}`;
      },
    },
  };
}

/**
 * `vite build` only: the Mini App runs on preact/compat (about 4 KB gzip) instead of React and react-dom
 * (about 62 KB, most of the first screen's budget, issue #14). The source, its types, the dev server
 * (`vite`, with React's fast refresh) and the unit tests keep React 19; only what browsers download is
 * Preact. The e2e suite drives this build. docs/decisions/0017-preact-in-the-production-build.md.
 */
const PREACT_ALIASES = [
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
  { find: /^react$/, replacement: 'preact/compat' },
];

export default defineConfig(({ command }) => ({
  plugins: [react(), devInitDataFromServer(), preloadTelegramChunk(), precompress()],
  resolve: { alias: command === 'build' ? PREACT_ALIASES : [] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // dist/.vite/manifest.json: bench/bundle-size.mjs finds the Telegram path's chunk in it.
    manifest: true,
    // No preload helper for dynamic imports (~340 B gzip of the first screen's budget): a lazy screen's
    // shared chunks then load after it rather than beside it, which prefetchScreens (idle time) and
    // prefetchPayment (from the cart on) hide. Lazy chunks' CSS is still loaded by Vite. The initial
    // chunk is a single file, and Telegram's SDK chunk is preloaded by the plugin above.
    modulePreload: false,
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
      '/api': toServer,
      '/media': toServer,
      '/tonconnect-manifest.json': toServer,
    },
  },
}));
