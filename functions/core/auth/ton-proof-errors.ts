import { DomainError } from '../domain-error';

/**
 * Any reason to refuse a TON Connect ton_proof. Each has its own `code`; the HTTP edge answers them
 * with 401 (400 for an unreadable request, 422 for a wallet the shop cannot check) and sets no cookie.
 */
export class TonProofError extends DomainError {}

const RETRY = 'Connect your wallet again to sign in.';

/** The request is not a ton_proof the shop can read: address, signature or state_init do not decode. */
export class TonProofMalformedError extends TonProofError {
  declare readonly code: 'TON_PROOF_MALFORMED';
  constructor(readonly problem: string) {
    super('invalid', 'TON_PROOF_MALFORMED', `The wallet's proof could not be read (${problem}). ${RETRY}`);
  }
}

/** The wallet is on another network than the shop (mainnet vs testnet). */
export class TonProofNetworkMismatchError extends TonProofError {
  declare readonly code: 'TON_PROOF_NETWORK_MISMATCH';
  constructor() {
    super(
      'unauthenticated',
      'TON_PROOF_NETWORK_MISMATCH',
      "Your wallet is on another TON network than this shop. Switch the wallet's network and connect again.",
    );
  }
}

/** The proof was signed for another site: a proof phished on one domain must not open an account on this one. */
export class TonProofDomainMismatchError extends TonProofError {
  declare readonly code: 'TON_PROOF_DOMAIN_MISMATCH';
  constructor(readonly domain: string) {
    super('unauthenticated', 'TON_PROOF_DOMAIN_MISMATCH', `The wallet signed this sign-in for another site. ${RETRY}`);
  }
}

/** The proof's timestamp is older than the allowed age. */
export class TonProofExpiredError extends TonProofError {
  declare readonly code: 'TON_PROOF_EXPIRED';
  constructor() {
    super('unauthenticated', 'TON_PROOF_EXPIRED', `The wallet's proof is too old. ${RETRY}`);
  }
}

/** The proof's timestamp lies further ahead of the server's clock than the allowed skew. */
export class TonProofFromFutureError extends TonProofError {
  declare readonly code: 'TON_PROOF_FROM_FUTURE';
  constructor() {
    super('unauthenticated', 'TON_PROOF_FROM_FUTURE', "The wallet's proof is dated ahead of the shop's clock. Check your device's clock and connect again.");
  }
}

/** The payload is not one the shop issued. */
export class TonProofPayloadUnknownError extends TonProofError {
  declare readonly code: 'TON_PROOF_PAYLOAD_UNKNOWN';
  constructor() {
    super('unauthenticated', 'TON_PROOF_PAYLOAD_UNKNOWN', `This sign-in request was not issued by the shop. ${RETRY}`);
  }
}

/** The payload was already used for a sign-in: every proof signs in once. */
export class TonProofPayloadUsedError extends TonProofError {
  declare readonly code: 'TON_PROOF_PAYLOAD_USED';
  constructor() {
    super('unauthenticated', 'TON_PROOF_PAYLOAD_USED', `This sign-in request was already used. ${RETRY}`);
  }
}

/** The payload's short life ran out before the proof arrived. */
export class TonProofPayloadExpiredError extends TonProofError {
  declare readonly code: 'TON_PROOF_PAYLOAD_EXPIRED';
  constructor() {
    super('unauthenticated', 'TON_PROOF_PAYLOAD_EXPIRED', `This sign-in request has expired. ${RETRY}`);
  }
}

/** The state_init sent with the proof is not the one the address was made from. */
export class TonProofStateInitMismatchError extends TonProofError {
  declare readonly code: 'TON_PROOF_STATE_INIT_MISMATCH';
  constructor() {
    super('unauthenticated', 'TON_PROOF_STATE_INIT_MISMATCH', `The wallet's details do not match its address. ${RETRY}`);
  }
}

/** The state_init is not a wallet contract the shop can read a public key from (V3R1/V3R2/V4R2/V5R1). */
export class TonProofWalletUnsupportedError extends TonProofError {
  declare readonly code: 'TON_PROOF_WALLET_UNSUPPORTED';
  constructor() {
    super('unprocessable', 'TON_PROOF_WALLET_UNSUPPORTED', 'This kind of wallet cannot sign in here yet. Use a standard TON wallet (V4 or W5).');
  }
}

/** No state_init came with the proof and the chain does not know the wallet's key (not deployed, or no get-method). */
export class TonProofPublicKeyUnknownError extends TonProofError {
  declare readonly code: 'TON_PROOF_PUBLIC_KEY_UNKNOWN';
  constructor() {
    super(
      'unprocessable',
      'TON_PROOF_PUBLIC_KEY_UNKNOWN',
      "The shop could not find your wallet's public key. Use a wallet that shares its state, or make one transfer from it first.",
    );
  }
}

/** The `public_key` the client sent is not the wallet's. */
export class TonProofPublicKeyMismatchError extends TonProofError {
  declare readonly code: 'TON_PROOF_PUBLIC_KEY_MISMATCH';
  constructor() {
    super('unauthenticated', 'TON_PROOF_PUBLIC_KEY_MISMATCH', `The public key sent does not belong to this wallet. ${RETRY}`);
  }
}

/** The signature does not verify under the wallet's key. */
export class TonProofSignatureInvalidError extends TonProofError {
  declare readonly code: 'TON_PROOF_SIGNATURE_INVALID';
  constructor() {
    super('unauthenticated', 'TON_PROOF_SIGNATURE_INVALID', `The wallet's signature is not valid. ${RETRY}`);
  }
}
