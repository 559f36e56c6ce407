import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPushKeysCli } from '../../../functions/adapters/push/push-keys-cli';
import { ConfigError, loadConfig } from '../../../functions/config';

async function runCli(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runPushKeysCli({ argv, out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out, err };
}

const settingsOf = (lines: string[]) => Object.fromEntries(lines.filter((l) => /^VAPID_/.test(l)).map((l) => l.split(/=(.*)/s).slice(0, 2)));

describe('npm run push:keys', () => {
  it('prints a fresh key pair and the subject as the three settings loadConfig takes', async () => {
    const { code, out } = await runCli(['--subject', 'mailto:owner@shop.example']);
    expect(code).toBe(0);
    const settings = settingsOf(out);
    expect(Object.keys(settings)).toEqual(['VAPID_PUBLIC_KEY', 'VAPID_PRIVATE_KEY', 'VAPID_SUBJECT']);
    expect(loadConfig(settings).vapid).toEqual({
      publicKey: settings.VAPID_PUBLIC_KEY,
      privateKey: settings.VAPID_PRIVATE_KEY,
      subject: 'mailto:owner@shop.example',
    });
    expect(settingsOf((await runCli([])).out).VAPID_PUBLIC_KEY).not.toBe(settings.VAPID_PUBLIC_KEY);
  });

  it('appends them to an env file with --write, and never replaces keys already there', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bazaar-push-keys-'));
    try {
      const file = join(dir, '.env');
      await writeFile(file, 'SHOP_NAME=Tea house');
      expect((await runCli(['--write', file])).code).toBe(0);
      const written = await readFile(file, 'utf8');
      expect(written).toMatch(/^SHOP_NAME=Tea house\n# Web Push[^\n]*\nVAPID_PUBLIC_KEY=[\w-]{87}\nVAPID_PRIVATE_KEY=[\w-]{43}\nVAPID_SUBJECT=mailto:/);
      const again = await runCli(['--write', file]);
      expect(again.code).toBe(1);
      expect(await readFile(file, 'utf8')).toBe(written);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a subject push services cannot use, and unknown arguments', async () => {
    expect((await runCli(['--subject', 'owner@shop.example'])).code).toBe(2);
    expect((await runCli(['--keys'])).code).toBe(2);
  });
});

describe('loadConfig: VAPID_*', () => {
  it('leaves push off without them, and names each one missing when only some are set', () => {
    expect(loadConfig({}).vapid).toBeUndefined();
    let problems: string[] = [];
    try {
      loadConfig({ VAPID_PUBLIC_KEY: `B${'a'.repeat(86)}` });
    } catch (error) {
      if (error instanceof ConfigError) problems = error.problems;
    }
    expect(problems).toEqual([
      'VAPID_PRIVATE_KEY: required with the other VAPID_* settings (npm run push:keys prints them)',
      'VAPID_SUBJECT: required with the other VAPID_* settings (npm run push:keys prints them)',
    ]);
  });

  it('refuses a key that is not base64url and a subject that is neither mailto: nor https:', () => {
    expect(() => loadConfig({ VAPID_PUBLIC_KEY: 'not+a/key', VAPID_PRIVATE_KEY: 'x'.repeat(43), VAPID_SUBJECT: 'http://shop.example' })).toThrow(
      /VAPID_PUBLIC_KEY: must be the base64url public key[\s\S]*VAPID_SUBJECT: must be a mailto: address/,
    );
  });
});
