import { describe, expect, it } from 'vitest';
import { nodeCrypto } from '../../../functions/adapters/crypto/node-crypto';
import { createInitDataVerifier } from '../../../functions/core/init-data/verify-init-data';
import { DEV_USER, injectDevInitData, makeDevBotToken, signDevInitData } from '../../../functions/platforms/node/dev-mode';

describe('dev mode', () => {
  it('signs a demo customer that the real verifier accepts with the same token', async () => {
    const botToken = makeDevBotToken();
    const now = new Date('2026-11-23T10:00:00Z');
    const initData = await signDevInitData(botToken, nodeCrypto, now);
    const verify = createInitDataVerifier({ kind: 'hmac', botToken, crypto: nodeCrypto, maxAgeSeconds: 86_400 });
    const verified = await verify(initData, now.getTime() / 1000);
    expect(verified.user.id).toBe(DEV_USER.id);
  });

  it('makes a different token at each start, so dev initData is worthless elsewhere', async () => {
    const now = new Date();
    const initData = await signDevInitData(makeDevBotToken(), nodeCrypto, now);
    const otherStart = createInitDataVerifier({ kind: 'hmac', botToken: makeDevBotToken(), crypto: nodeCrypto, maxAgeSeconds: 86_400 });
    await expect(otherStart(initData, now.getTime() / 1000)).rejects.toMatchObject({ code: 'INIT_DATA_SIGNATURE_INVALID' });
  });

  it('injects the initData into the page head without letting it close the script', () => {
    const html = injectDevInitData('<html><head><title>x</title></head><body></body></html>', 'a=</script><b>');
    expect(html).toContain('window.__BAZAAR_DEV__ = {"initData":"a=\\u003c/script>\\u003cb>"};</script>\n</head>');
    expect(html.match(/<\/script>/g)).toHaveLength(1);
  });
});
