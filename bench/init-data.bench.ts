/**
 * Verifications per second of Telegram initData on one core, one after another (each awaited), as the
 * API does them: `npx tsx bench/init-data.bench.ts`. Target: ≥150k/s for hmac with node:crypto.
 *
 * The data is realistic in size (a user with photo URL, chat fields, a `signature`), signed for a test
 * bot by our own signInitData; Ed25519 data is signed with a key pair made here, since Telegram's
 * private key is Telegram's.
 */
import { generateKeyPairSync, sign } from 'node:crypto';
import { nodeCrypto } from '../functions/adapters/crypto/node-crypto';
import { webCrypto } from '../functions/adapters/crypto/web-crypto';
import type { CryptoPort } from '../functions/core/crypto-port';
import { buildDataCheckString } from '../functions/core/init-data/data-check-string';
import { signInitData } from '../functions/core/init-data/sign-init-data';
import { createInitDataVerifier } from '../functions/core/init-data/verify-init-data';

const SECONDS_PER_CASE = 2;
const WARM_UP_SECONDS = 0.3;
const BATCH = 256;

const botToken = '1234567890:AAbenchmarkTokenForATestBotOnly12345';
const botId = 1234567890;
const authDate = 1_733_584_787;
const nowSeconds = authDate + 60;
const fields: Record<string, string> = {
  user: JSON.stringify({
    id: 279058397,
    first_name: 'Vladislav + - ? /',
    last_name: 'Kibenko',
    username: 'vdkfrost',
    language_code: 'ru',
    is_premium: true,
    allows_write_to_pm: true,
    photo_url: 'https://t.me/i/userpic/320/4FPEE4tmP3ATHa57u6MqTDih13LTOiMoKoLDRG4PnSA.svg',
  }),
  chat_instance: '8134722200314281151',
  chat_type: 'private',
  auth_date: String(authDate),
};

const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const publicKeyHex = Buffer.from(publicKey.export({ format: 'jwk' }).x ?? '', 'base64url').toString('hex');
const ed25519Message = `${botId}:WebAppData\n${buildDataCheckString(Object.entries(fields), [])}`;
const signature = sign(null, Buffer.from(ed25519Message), privateKey).toString('base64url');
// Like real initData: the Ed25519 `signature` is itself covered by the HMAC `hash`.
const initDataRaw = await signInitData({ fields: { ...fields, signature }, botToken, crypto: nodeCrypto });

type Verify = (initDataRaw: string, nowSeconds: number) => Promise<unknown>;

type Rates = { perSecond: number; perCpuSecond: number };

async function runFor(seconds: number, verify: Verify): Promise<Rates> {
  let count = 0;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const deadline = started + seconds * 1000;
  while (performance.now() < deadline) {
    for (let i = 0; i < BATCH; i++) await verify(initDataRaw, nowSeconds);
    count += BATCH;
  }
  const wallSeconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  return { perSecond: count / wallSeconds, perCpuSecond: count / ((cpu.user + cpu.system) / 1e6) };
}

async function measure(label: string, verify: Verify): Promise<void> {
  await runFor(WARM_UP_SECONDS, verify); // also proves the data verifies: a failure rejects here
  const { perSecond, perCpuSecond } = await runFor(SECONDS_PER_CASE, verify);
  // Wall-clock rate first (the figure that counts); the CPU-time rate beside it shows how much of a
  // shortfall is other processes taking the core. Web Crypto also spends CPU on libuv's worker threads.
  console.log(`init-data ${label}: ${Math.round(perSecond)} verifications/s (${Math.round(perCpuSecond)} per CPU-second)`);
}

const adapters: [string, CryptoPort][] = [
  ['node:crypto', nodeCrypto],
  ['web crypto', webCrypto],
];
for (const [name, crypto] of adapters) {
  await measure(`hmac (${name})`, createInitDataVerifier({ kind: 'hmac', botToken, crypto, maxAgeSeconds: 86_400 }));
}
for (const [name, crypto] of adapters) {
  await measure(`ed25519 (${name})`, createInitDataVerifier({ kind: 'ed25519', botId, publicKeyHex, crypto, maxAgeSeconds: 86_400 }));
}
