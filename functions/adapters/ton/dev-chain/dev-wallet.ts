import { createHash, createPrivateKey, sign, type KeyObject } from 'node:crypto';
import { Address, beginCell, Cell, external, internal, loadStateInit, SendMode, storeMessage, storeStateInit, type MessageRelaxed } from '@ton/core';
import type { KeyPair } from '@ton/crypto';
import { WalletContractV5R1 } from '@ton/ton';
import { DevTransferInvalidError } from './errors';

/** What a browser-side TON Connect wallet needs to present itself. */
export interface DevWalletInfo {
  id: string;
  /** Raw `0:<hex>`, as TON Connect's `account.address`. */
  address: string;
  /** Non-bounceable user-friendly form (a wallet's own address is shown so). */
  addressFriendly: string;
  /** Ed25519 public key, hex. */
  publicKey: string;
  /** The wallet's StateInit as a base64 BOC, as TON Connect's `account.walletStateInit`. */
  walletStateInit: string;
}

/** A TON Connect `sendTransaction` request: amounts in nanotons as decimal strings. */
export interface DevTransferRequest {
  messages: Array<{ address: string; amount: string; payload?: string; stateInit?: string }>;
  /** Unix seconds. */
  validUntil: number;
}

/** A TON Connect `ton_proof` item reply's `proof`, as a wallet app returns it. */
export interface DevTonProof {
  timestamp: number;
  domain: { lengthBytes: number; value: string };
  payload: string;
  /** Base64 Ed25519 signature. */
  signature: string;
}

// Wallet V5R1 takes up to 255 actions in one request.
const MAX_MESSAGES = 255;

/** A real wallet V5R1 whose keys the dev chain keeps, for a browser or for the merchant. */
export class DevWallet {
  readonly contract: WalletContractV5R1;
  readonly info: DevWalletInfo;
  private readonly privateKey: KeyObject;

  constructor(id: string, keyPair: KeyPair, testOnly: boolean) {
    this.contract = WalletContractV5R1.create({ workchain: 0, publicKey: keyPair.publicKey });
    // Signing with node:crypto takes microseconds; @ton/crypto's pure-JS Ed25519 takes milliseconds.
    // A TON KeyPair's secretKey is seed (32 bytes) then public key.
    this.privateKey = createPrivateKey({
      key: { kty: 'OKP', crv: 'Ed25519', d: keyPair.secretKey.subarray(0, 32).toString('base64url'), x: keyPair.publicKey.toString('base64url') },
      format: 'jwk',
    });
    this.info = {
      id,
      address: this.contract.address.toRawString(),
      addressFriendly: this.contract.address.toString({ bounceable: false, testOnly }),
      publicKey: keyPair.publicKey.toString('hex'),
      walletStateInit: beginCell().store(storeStateInit(this.contract.init)).endCell().toBoc().toString('base64'),
    };
  }

  get address(): Address {
    return this.contract.address;
  }

  /**
   * The signed external message for `request`, as a wallet app makes it: send mode "pay fees separately,
   * ignore errors", bounce taken from the address form (a bounceable user-friendly address, or a raw one,
   * bounces). State init is never attached: the dev chain deploys its wallets when it funds them.
   * @throws DevTransferInvalidError
   */
  async signTransfer(seqno: number, request: DevTransferRequest, nowSeconds: number): Promise<Cell> {
    if (!Number.isInteger(request.validUntil) || request.validUntil <= nowSeconds) {
      throw new DevTransferInvalidError('validUntil is in the past');
    }
    if (request.messages.length === 0 || request.messages.length > MAX_MESSAGES) {
      throw new DevTransferInvalidError(`send 1 to ${MAX_MESSAGES} messages`);
    }
    const body = await this.contract.createTransfer({
      seqno,
      // Wallet V5R1 checks an Ed25519 signature of the signed part's cell hash.
      signer: (message: Cell) => Promise.resolve(sign(null, message.hash(), this.privateKey)),
      sendMode: SendMode.PAY_GAS_SEPARATELY | SendMode.IGNORE_ERRORS,
      timeout: request.validUntil,
      messages: request.messages.map(toMessage),
    });
    return beginCell()
      .store(storeMessage(external({ to: this.contract.address, body })))
      .endCell();
  }

  /**
   * Signs a TON Connect ton_proof for `domain` and `payload`, as a wallet app does when an app asks for
   * the `ton_proof` connect item. Written from the spec on its own (Buffer and node:crypto), separately
   * from the shop's verifier, so the two check each other.
   */
  signTonProof(request: { domain: string; payload: string }, timestampSeconds: number): DevTonProof {
    const domain = Buffer.from(request.domain, 'utf8');
    const workchain = Buffer.alloc(4);
    workchain.writeInt32BE(this.address.workChain);
    const domainLength = Buffer.alloc(4);
    domainLength.writeUInt32LE(domain.length);
    const timestamp = Buffer.alloc(8);
    timestamp.writeBigUInt64LE(BigInt(timestampSeconds));
    const message = Buffer.concat([
      Buffer.from('ton-proof-item-v2/'),
      workchain,
      this.address.hash,
      domainLength,
      domain,
      timestamp,
      Buffer.from(request.payload, 'utf8'),
    ]);
    const signed = createHash('sha256')
      .update(Buffer.concat([Buffer.from([0xff, 0xff]), Buffer.from('ton-connect'), createHash('sha256').update(message).digest()]))
      .digest();
    return {
      timestamp: timestampSeconds,
      domain: { lengthBytes: domain.length, value: request.domain },
      payload: request.payload,
      signature: sign(null, signed, this.privateKey).toString('base64'),
    };
  }
}

function toMessage(message: DevTransferRequest['messages'][number], index: number): MessageRelaxed {
  const where = `message ${index + 1}`;
  let to: Address;
  let bounce = true;
  try {
    if (Address.isFriendly(message.address)) {
      const parsed = Address.parseFriendly(message.address);
      [to, bounce] = [parsed.address, parsed.isBounceable];
    } else {
      to = Address.parseRaw(message.address);
    }
  } catch {
    throw new DevTransferInvalidError(`${where}: address is not a TON address`);
  }
  if (!/^\d{1,30}$/.test(message.amount)) throw new DevTransferInvalidError(`${where}: amount must be nanotons as a decimal string`);
  return internal({
    to,
    value: BigInt(message.amount),
    bounce,
    body: message.payload === undefined ? undefined : readCell(message.payload, `${where}: payload`),
    init: message.stateInit === undefined ? undefined : readCell(message.stateInit, `${where}: stateInit`, (c) => loadStateInit(c.beginParse())),
  });
}

function readCell<T = Cell>(base64: string, what: string, read: (cell: Cell) => T = (cell) => cell as T): T {
  try {
    return read(Cell.fromBase64(base64));
  } catch {
    throw new DevTransferInvalidError(`${what} is not a base64 BOC of the right shape`);
  }
}
