import { defineConfig } from 'vite';

// The Vercel function (functions/platforms/vercel/function-entry.ts) as one ES module with every package
// inside it: Vercel uploads the .func folder as it is, without node_modules. `npm run build:vercel`
// (functions/platforms/vercel/build-output.ts) runs this and writes the rest of .vercel/output.
export default defineConfig({
  publicDir: false,
  ssr: { target: 'node', noExternal: true },
  build: {
    ssr: 'functions/platforms/vercel/function-entry.ts',
    outDir: '.vercel/output/functions/api/index.func',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    rolldownOptions: {
      // Node's built-ins come from the runtime.
      external: [/^node:/],
      output: {
        entryFileNames: 'index.mjs',
        format: 'es',
        // No createRequire banner: for a Node target Rolldown gives the CommonJS packages inside the
        // bundle (@ton/core and its helpers) a require() of their own, made with createRequire.
        codeSplitting: false,
      },
    },
  },
});
