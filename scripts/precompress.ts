// Precompression of the built Mini App (vite build, vite.config.ts): each compressible file gets a
// `.br` (brotli, best) and a `.gz` (gzip, level 9) beside it, which the Node server sends to a browser
// that accepts them (functions/platforms/node/static-site.ts). Done once at build, so a spike of visitors
// costs no compression work, and brotli's best level, too slow to run per request, is affordable.
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Text formats; images and fonts are compressed already. Source maps are not sent to visitors. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|webmanifest|txt|xml)$/;
/** Below this, the headers cost more than the bytes saved. */
export const MIN_BYTES = 1024;

export interface PrecompressedFile {
  file: string;
  bytes: number;
  brotli: number | null;
  gzip: number | null;
}

/** Writes `.br` and `.gz` beside every compressible file of `dir` of at least MIN_BYTES, when smaller. */
export async function precompressDir(dir: string): Promise<PrecompressedFile[]> {
  const done: PrecompressedFile[] = [];
  for (const name of await readdir(dir, { recursive: true })) {
    const file = join(dir, name);
    if (!COMPRESSIBLE.test(name) || !(await stat(file)).isFile()) continue;
    const body = await readFile(file);
    if (body.length < MIN_BYTES) continue;
    const brotli = brotliCompressSync(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    });
    const gzip = gzipSync(body, { level: 9 });
    const entry: PrecompressedFile = { file: name, bytes: body.length, brotli: null, gzip: null };
    if (brotli.length < body.length) {
      await writeFile(`${file}.br`, brotli);
      entry.brotli = brotli.length;
    }
    if (gzip.length < body.length) {
      await writeFile(`${file}.gz`, gzip);
      entry.gzip = gzip.length;
    }
    done.push(entry);
  }
  return done;
}
