// `npm run build:vercel`: the deployment Vercel uploads, in .vercel/output (Build Output API). The work is
// in functions/platforms/vercel/build-output.ts; this file only hands it the repository.
import { resolve } from 'node:path';
import { buildVercelOutput } from '../functions/platforms/vercel/build-output';

const outDir = await buildVercelOutput({ root: resolve(import.meta.dirname, '..') });
console.log(`Vercel output written to ${outDir}`);
