// The module Vercel runs: `npm run build:vercel` bundles this file, with everything it imports, into
// .vercel/output/functions/api/index.func/index.mjs. One file, so no import path is left for Node to
// resolve at run time (the unbundled api/index.ts failed there: vercel/vercel#14910).
import { createVercelNodeHandler } from '../vercel';

export default createVercelNodeHandler();
