import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { issueTonProofPayload } from '../core/auth/ton-proof-payloads';
import type { TonProofRequest } from '../core/auth/verify-ton-proof';
import type { CustomerVariables } from '../http/customer-auth';
import { HttpError } from '../http/http-error';
import { readJsonBody } from '../http/read-json-body';
import { text } from '../core/text/storable-text';
import { assertSameOrigin } from '../http/session-cookie';
import { signIn, type AuthRoutesDeps } from './auth-routes';
import { presentCustomer } from './me-routes';

// What the web app sends after TON Connect: the account and its ton_proof reply, in the shape of the
// TON Connect demo backend (github.com/ton-connect/demo-dapp-backend). The spec's timestamp is a
// decimal string on the wire while the SDK gives a number: both are taken.
const tonProofBody = z.object({
  address: text().min(1).max(100),
  network: z.union([text().max(16), z.number().int()]).transform(String),
  public_key: text()
    .regex(/^[0-9a-fA-F]{64}$/, 'public_key must be 64 hex characters')
    .optional(),
  proof: z.object({
    timestamp: z.union([
      z
        .number()
        .int()
        .nonnegative()
        .max(2 ** 40),
      text()
        .regex(/^\d{1,12}$/)
        .transform(Number),
    ]),
    domain: z.object({ lengthBytes: z.number().int().nonnegative().max(1024), value: text().max(1024) }),
    payload: text().max(512),
    signature: text().max(200),
    state_init: text().max(16_384).optional(),
  }),
});

/** What these routes read, for tests that generate requests from it (test/integration/fuzz). */
export const tonProofSchemas = { tonProofBody };

/**
 * Sign-in with a TON wallet (TON Connect ton_proof): a one-time payload, then the proof for it; or, for a
 * signed-in customer, the same proof to link the wallet.
 */
export function tonProofRoutes(deps: AuthRoutesDeps) {
  const app = new Hono<{ Variables: CustomerVariables }>();

  app.get('/ton-proof/payload', async (c) => {
    tonProofDomain(deps); // A payload no proof could ever redeem is refused at once.
    const issued = await issueTonProofPayload({ payloads: deps.web.tonProof.payloads, crypto: deps.web.crypto, now: deps.clock() });
    c.header('Cache-Control', 'no-store');
    return c.json({ payload: issued.payload, expiresAt: issued.expiresAt.toISOString() });
  });

  app.post('/ton-proof', async (c) => {
    const domain = tonProofDomain(deps);
    assertSameOrigin(c, deps.shopUrl, { strict: false });
    const address = await verifyProof(c, deps, domain);
    const customer = await deps.customers.upsertWalletCustomer(address);
    return signIn(c, deps, customer, 'ton');
  });

  app.post('/link/ton-proof', deps.requireCustomer, async (c) => {
    const address = await verifyProof(c, deps, tonProofDomain(deps));
    const customer = await deps.customers.linkWallet(c.get('customer').id, address);
    return c.json({ customer: presentCustomer(customer) });
  });

  return app;
}

/**
 * The domain a proof must name: the host (with its port) of the shop's configured address, which is what
 * its TON Connect manifest names. Never the request's Host: a proof a phishing page got signed for its
 * own domain would sign in when sent here with that Host.
 * @throws HttpError 503 TON_PROOF_NOT_CONFIGURED when the shop knows no address of its own
 */
function tonProofDomain(deps: AuthRoutesDeps): string {
  if (deps.shopUrl === null) {
    throw new HttpError(
      'unavailable',
      'TON_PROOF_NOT_CONFIGURED',
      "Signing in with a TON wallet is not available: the shop does not know its own web address, which wallets sign for. The shop's operator must set PUBLIC_URL.",
    );
  }
  return new URL(deps.shopUrl).host;
}

/** The proven wallet's raw address, for a proof signed for `domain`. */
async function verifyProof(c: Context, deps: AuthRoutesDeps, domain: string): Promise<string> {
  const body = await readJsonBody(c, tonProofBody);
  const request: TonProofRequest = {
    address: body.address,
    network: body.network,
    ...(body.public_key !== undefined && { publicKey: body.public_key }),
    proof: {
      timestamp: body.proof.timestamp,
      domain: body.proof.domain,
      payload: body.proof.payload,
      signature: body.proof.signature,
      ...(body.proof.state_init !== undefined && { stateInit: body.proof.state_init }),
    },
  };
  const verified = await deps.web.tonProof.verify(request, { domain, now: deps.clock() });
  return verified.address;
}
