import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const FIXTURE_INDEX_HTML = '<!doctype html><html><head><title>Bazaar fixture</title></head><body><div id="root"></div></body></html>';
export const FIXTURE_SCRIPT_PATH = '/assets/app-3f2a1c.js';
export const FIXTURE_SCRIPT = 'console.log("bazaar fixture");\n';

/**
 * A stand-in for the built Mini App (index.html and one hashed asset): what the platform tests check is
 * how each host serves a build, which does not need the real one (the E2E suite builds that).
 */
export async function writeFixtureSite(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'bazaar-site-'));
  await mkdir(join(dir, 'assets'));
  await writeFile(join(dir, 'index.html'), FIXTURE_INDEX_HTML);
  await writeFile(join(dir, FIXTURE_SCRIPT_PATH), FIXTURE_SCRIPT);
  return dir;
}
