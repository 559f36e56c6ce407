import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/build-worker';

// `npm run db:migrate` as a merchant runs it before a deploy: its own process, its own settings.
function runMigrate(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs'), join(REPO_ROOT, 'scripts/db-migrate.ts')], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

const JOURNAL = JSON.parse(readFileSync(join(REPO_ROOT, 'functions/adapters/db/migrations/meta/_journal.json'), 'utf8')) as {
  entries: { tag: string }[];
};
const serverUrl = process.env.DATABASE_URL;
let target: Record<string, string>;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  if (serverUrl) {
    const name = `bazaar_migrate_${Date.now().toString(36)}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    target = { DATABASE_URL: url.toString() };
    cleanup = async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  } else {
    const dir = await mkdtemp(join(tmpdir(), 'bazaar-migrate-'));
    target = { DATA_DIR: dir };
    cleanup = () => rm(dir, { recursive: true, force: true });
  }
});

afterAll(() => cleanup?.());

describe(`npm run db:migrate (${serverUrl ? 'PostgreSQL server' : 'PGlite'})`, () => {
  it('applies every migration to an empty database and names each one', async () => {
    const { code, output } = await runMigrate(target);
    expect(code, output).toBe(0);
    const tags = JOURNAL.entries.map((entry) => entry.tag);
    expect(output).toContain(`Applied ${tags.length} migration(s) to `);
    expect(output).toContain(tags.map((tag) => `  ${tag}`).join('\n'));
  }, 60_000);

  it('applies nothing the second time', async () => {
    const { code, output } = await runMigrate(target);
    expect(code, output).toBe(0);
    expect(output).toMatch(/Nothing to apply: .* is up to date\./);
  }, 60_000);

  it('fails with exit code 1 on a database it cannot reach, without printing the password', async () => {
    const { code, output } = await runMigrate({ DATABASE_URL: 'postgres://shop:s3cret-password@127.0.0.1:1/shop' });
    expect(code).toBe(1);
    expect(output).toMatch(/Migration failed on PostgreSQL at 127\.0\.0\.1:1\/shop/);
    expect(output).not.toContain('s3cret-password');
  }, 60_000);

  it('refuses a DATABASE_URL that is not Postgres with exit code 2', async () => {
    const { code, output } = await runMigrate({ DATABASE_URL: 'mysql://shop@127.0.0.1/shop' });
    expect(code).toBe(2);
    expect(output).toMatch(/DATABASE_URL: must be a postgres:\/\//);
  }, 60_000);
});
