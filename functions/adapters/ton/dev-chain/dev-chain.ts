import { randomBytes, randomUUID } from 'node:crypto';
import { Address, Cell, loadMessage, toNano, type StateInit, type TupleItem } from '@ton/core';
import { keyPairFromSeed, mnemonicToPrivateKey, type KeyPair } from '@ton/crypto';
import { Blockchain, GetMethodError, type SandboxContract, type SendMessageResult, type TreasuryContract } from '@ton/sandbox';
import { normalizedMessageHash } from '../../../core/payments/message-hash';
import { DevJettons } from './dev-jettons';
import { DevWallet, type DevTonProof, type DevTransferRequest, type DevWalletInfo } from './dev-wallet';
import { DevChainMessageInvalidError, DevChainMessageRejectedError, DevTransferInvalidError, DevWalletNotFoundError } from './errors';
import { decodeTransaction } from './transaction-cells';
import { TransactionIndex, type IndexedTransaction } from './transaction-index';

export interface DevChainOptions {
  /** The merchant wallet's 24-word mnemonic (space-separated); else `merchantSeedHex`; else a fresh key. */
  merchantMnemonic?: string;
  /** The merchant wallet's 32-byte Ed25519 seed, hex. */
  merchantSeedHex?: string;
  /** What the merchant wallet holds after start (it must be deployed to accept payments). Default 10 TON. */
  merchantBalanceNano?: bigint;
  /** What a new dev wallet is funded with. Default 1000 TON. */
  devWalletFundingNano?: bigint;
  /** Transactions kept in the index; older ones are dropped. Default 50,000. */
  maxTransactions?: number;
  /** Dev wallets kept; the oldest is forgotten beyond this. Default 1000. */
  maxDevWallets?: number;
  /** User-friendly addresses carry the test-only flag (this is not mainnet money). Default true. */
  testOnly?: boolean;
  /**
   * The chain's clock: every transaction's time, and what a wallet's `valid_until` is checked against.
   * Default the real time. Tests pass the clock they move, so that chain time and shop time agree. It must
   * never go back (the chain refuses a transaction older than an account's last one).
   */
  clock?: () => Date;
}

/** What sending an external message did. Hashes hex. */
export interface SentExternal {
  messageHash: string;
  messageHashNorm: string;
  transactions: IndexedTransaction[];
}

/** A local TON chain (real TVM, real wallets and signatures, made-up blocks) with its own indexer. */
export interface DevChain {
  /** The shop's wallet V5R1: deployed and funded at start. */
  readonly merchant: DevWalletInfo;
  readonly transactions: TransactionIndex;
  readonly testOnly: boolean;
  /** Runs a signed external message (a wallet's BOC) on the chain. @throws DevChainMessageInvalidError, DevChainMessageRejectedError */
  sendExternal(bocBase64: string): Promise<SentExternal>;
  /** Sends `amountNano` from the chain's faucet, not bounceable; with `init`, deploys the contract too. */
  faucet(address: string, amountNano: bigint, init?: StateInit): Promise<IndexedTransaction[]>;
  /** A new wallet V5R1 whose keys stay on the dev chain, deployed and funded. */
  createDevWallet(): Promise<DevWalletInfo>;
  devWallet(id: string): DevWalletInfo | null;
  /** Signs a transfer from a dev wallet with its current seqno and returns the BOC, not sent. */
  signTransfer(walletId: string, request: DevTransferRequest): Promise<string>;
  /** Signs and sends a transfer from a dev wallet: TON Connect `sendTransaction`. Returns the BOC. */
  sendTransaction(walletId: string, request: DevTransferRequest): Promise<{ boc: string }>;
  /** The dev chain's jettons (TEP-74): the dev USDT, its faucet, dev wallets paying in it. */
  readonly jettons: DevJettons;
  /** A dev wallet's TON Connect `ton_proof` for `domain` and `payload`, signed now (or at `timestampSeconds`). */
  signTonProof(walletId: string, request: { domain: string; payload: string; timestampSeconds?: number }): DevTonProof;
  /**
   * Runs a get-method on the account as it is now. An account without code answers exit code -256, as
   * liteservers report it; a failing method answers its exit code. @throws DevTransferInvalidError
   */
  runGetMethod(address: string, method: string, args?: TupleItem[]): Promise<DevGetMethodResult>;
  /** The account's status and balance now. @throws DevTransferInvalidError */
  accountState(address: string): Promise<{ status: 'active' | 'uninit' | 'frozen' | 'nonexist'; balanceNano: bigint }>;
}

/** What a get-method returned. */
export interface DevGetMethodResult {
  exitCode: number;
  gasUsed: bigint;
  stack: TupleItem[];
}

const MAX_FAUCET_NANO = toNano('1000000');
const FAUCET_RESERVE_NANO = toNano('1000000000');

/** Starts a dev chain on @ton/sandbox (under a second). Node only. */
export async function createDevChain(options: DevChainOptions = {}): Promise<DevChain> {
  const chain = await Blockchain.create();
  // From the first transaction on (the faucet's own deployment included), the chain runs on its clock.
  if (options.clock) chain.now = Math.floor(options.clock().getTime() / 1000);
  const treasury = await chain.treasury('bazaar-dev-faucet', { balance: FAUCET_RESERVE_NANO });
  const merchantKeys = await merchantKeyPair(options);
  const devChain = new SandboxDevChain(chain, treasury, merchantKeys, options);
  await devChain.start(options.merchantBalanceNano ?? toNano('10'));
  return devChain;
}

class SandboxDevChain implements DevChain {
  readonly transactions: TransactionIndex;
  readonly testOnly: boolean;
  readonly jettons: DevJettons;
  private readonly merchantWallet: DevWallet;
  private readonly wallets = new Map<string, DevWallet>();
  private mcSeqno = 0;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly chain: Blockchain,
    private readonly treasury: SandboxContract<TreasuryContract>,
    merchantKeys: KeyPair,
    private readonly options: DevChainOptions,
  ) {
    this.testOnly = options.testOnly ?? true;
    this.transactions = new TransactionIndex(options.maxTransactions);
    this.merchantWallet = new DevWallet('merchant', merchantKeys, this.testOnly);
    this.jettons = new DevJettons({
      admin: treasury.address,
      testOnly: this.testOnly,
      sendFromAdmin: (to, value, body, init) => this.record(() => this.treasury.send({ to, value, bounce: true, body, init })),
      runGetMethod: (address, method, args) => this.runGetMethod(address, method, args),
      devWallet: (id) => this.devWallet(id),
      sendTransactionRecorded: (walletId, request) => this.sendRecorded(walletId, request),
      nowSeconds: () => this.nowSeconds(),
    });
  }

  get merchant(): DevWalletInfo {
    return this.merchantWallet.info;
  }

  async start(merchantBalanceNano: bigint): Promise<void> {
    forgetSandboxTransactions(this.chain);
    await this.faucet(this.merchant.address, merchantBalanceNano, this.merchantWallet.contract.init);
  }

  async sendExternal(bocBase64: string): Promise<SentExternal> {
    let cell: Cell;
    try {
      cell = Cell.fromBase64(bocBase64);
    } catch {
      throw new DevChainMessageInvalidError('not a base64 BOC with one root');
    }
    let messageHashNorm: string;
    try {
      messageHashNorm = normalizedMessageHash(loadMessage(cell.beginParse()));
    } catch {
      throw new DevChainMessageInvalidError('not an external-in message');
    }
    const transactions = await this.record(() => this.chain.sendMessage(cell));
    return { messageHash: cell.hash().toString('hex'), messageHashNorm, transactions };
  }

  async faucet(address: string, amountNano: bigint, init?: StateInit): Promise<IndexedTransaction[]> {
    let to: Address;
    try {
      to = Address.parse(address);
    } catch {
      throw new DevTransferInvalidError('address is not a TON address');
    }
    if (amountNano <= 0n || amountNano > MAX_FAUCET_NANO) throw new DevTransferInvalidError('the faucet gives 1 nanoton to 1,000,000 TON');
    return this.record(async () => {
      const faucet = await this.chain.getContract(this.treasury.address);
      if (faucet.balance < amountNano + toNano('10')) faucet.balance = FAUCET_RESERVE_NANO;
      return this.treasury.send({ to, value: amountNano, bounce: false, init });
    });
  }

  async createDevWallet(): Promise<DevWalletInfo> {
    const wallet = new DevWallet(randomUUID(), keyPairFromSeed(randomBytes(32)), this.testOnly);
    await this.faucet(wallet.info.address, this.options.devWalletFundingNano ?? toNano('1000'), wallet.contract.init);
    this.wallets.set(wallet.info.id, wallet);
    const oldest = this.wallets.keys().next().value;
    if (this.wallets.size > (this.options.maxDevWallets ?? 1000) && oldest !== undefined) this.wallets.delete(oldest);
    return wallet.info;
  }

  devWallet(id: string): DevWalletInfo | null {
    return this.lookUp(id)?.info ?? null;
  }

  /**
   * A dev wallet by id; the merchant's own wallet answers to its id too ("merchant"), so the admin's dev
   * wallet can sign as the shop (a refund) the way a merchant's real wallet app would. Its keys live on
   * the dev chain either way; nothing leaves it.
   */
  private lookUp(id: string): DevWallet | undefined {
    return id === this.merchantWallet.info.id ? this.merchantWallet : this.wallets.get(id);
  }

  async signTransfer(walletId: string, request: DevTransferRequest): Promise<string> {
    const wallet = this.wallet(walletId);
    return this.exclusive(async () => (await this.signNow(wallet, request)).toBoc().toString('base64'));
  }

  async sendTransaction(walletId: string, request: DevTransferRequest): Promise<{ boc: string }> {
    const { boc } = await this.sendRecorded(walletId, request);
    return { boc };
  }

  signTonProof(walletId: string, request: { domain: string; payload: string; timestampSeconds?: number }): DevTonProof {
    return this.wallet(walletId).signTonProof(request, request.timestampSeconds ?? Math.floor(Date.now() / 1000));
  }

  async runGetMethod(address: string, method: string, args: TupleItem[] = []): Promise<DevGetMethodResult> {
    let at: Address;
    try {
      at = Address.parse(address);
    } catch {
      throw new DevTransferInvalidError('address is not a TON address');
    }
    return this.exclusive(async () => {
      const state = (await this.chain.getContract(at)).accountState;
      if (state?.type !== 'active' || !state.state.code) return { exitCode: -256, gasUsed: 0n, stack: [] };
      try {
        const result = await this.chain.runGetMethod(at, method, args);
        return { exitCode: result.exitCode, gasUsed: result.gasUsed, stack: result.stack };
      } catch (error) {
        if (error instanceof GetMethodError) return { exitCode: error.exitCode, gasUsed: error.gasUsed, stack: [] };
        throw error;
      }
    });
  }

  async accountState(address: string): Promise<{ status: 'active' | 'uninit' | 'frozen' | 'nonexist'; balanceNano: bigint }> {
    let at: Address;
    try {
      at = Address.parse(address);
    } catch {
      throw new DevTransferInvalidError('address is not a TON address');
    }
    return this.exclusive(async () => {
      const contract = await this.chain.getContract(at);
      const type = contract.accountState?.type ?? 'uninit';
      // The sandbox shows an account nobody ever touched as uninit with nothing in it; the chain has none.
      const untouched = type === 'uninit' && contract.balance === 0n && contract.lastTransactionLt === 0n;
      return { status: untouched ? 'nonexist' : type, balanceNano: contract.balance };
    });
  }

  /** Signs and sends from a dev wallet; the BOC and every transaction the message caused. */
  private async sendRecorded(walletId: string, request: DevTransferRequest): Promise<{ boc: string; transactions: IndexedTransaction[] }> {
    const wallet = this.wallet(walletId);
    // Sign and send in one turn of the queue, so that two sends from one wallet never share a seqno.
    return this.exclusive(async () => {
      const message = await this.signNow(wallet, request);
      const transactions = await this.recordNow(() => this.chain.sendMessage(message));
      return { boc: message.toBoc().toString('base64'), transactions };
    });
  }

  /** Signs with the wallet's seqno as the chain has it now: run inside `exclusive`. */
  private async signNow(wallet: DevWallet, request: DevTransferRequest): Promise<Cell> {
    return wallet.signTransfer(await this.seqno(wallet.address), request, this.nowSeconds());
  }

  private wallet(id: string): DevWallet {
    const wallet = this.lookUp(id);
    if (!wallet) throw new DevWalletNotFoundError();
    return wallet;
  }

  // Wallet V5R1 data starts is_signature_allowed:(## 1) seqno:uint32. Reading the account's data is
  // microseconds; running the `seqno` get-method costs ~10 ms of TVM each time.
  private async seqno(address: Address): Promise<number> {
    const state = (await this.chain.getContract(address)).accountState;
    if (state?.type !== 'active' || !state.state.data) return 0;
    const data = state.state.data.beginParse();
    data.skip(1);
    return data.loadUint(32);
  }

  private record(send: () => Promise<SendMessageResult>): Promise<IndexedTransaction[]> {
    return this.exclusive(() => this.recordNow(send));
  }

  /** One sendMessage = one made-up masterchain block; every resulting transaction goes to the index. */
  private async recordNow(send: () => Promise<SendMessageResult>): Promise<IndexedTransaction[]> {
    const mcSeqno = ++this.mcSeqno;
    if (this.options.clock) this.chain.now = this.nowSeconds();
    let result: SendMessageResult;
    try {
      result = await send();
    } catch (error) {
      throw new DevChainMessageRejectedError(firstLine(error));
    } finally {
      forgetSandboxTransactions(this.chain);
    }
    const traceHash = result.transactions[0]?.hash().toString('hex') ?? '';
    return result.transactions.map((sandboxTx) => {
      const { tx, account, inMessage, outMessages } = decodeTransaction(sandboxTx.raw);
      const record: IndexedTransaction = {
        hash: sandboxTx.raw.hash().toString('hex'),
        lt: tx.lt,
        account,
        now: tx.now,
        mcSeqno,
        traceHash,
        boc: sandboxTx.raw.toBoc(),
        inMessageHash: inMessage?.hash ?? null,
        inMessageHashNorm: inMessage?.hashNorm ?? null,
        outMessageHashes: outMessages.map((m) => m.hash),
      };
      this.transactions.add(record);
      return record;
    });
  }

  private nowSeconds(): number {
    return Math.floor((this.options.clock?.() ?? new Date()).getTime() / 1000);
  }

  /** Runs `task` after every task queued before it: the index stays in lt order, seqnos stay consistent. */
  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

async function merchantKeyPair(options: DevChainOptions): Promise<KeyPair> {
  if (options.merchantMnemonic) return mnemonicToPrivateKey(options.merchantMnemonic.trim().split(/\s+/));
  if (options.merchantSeedHex) {
    const seed = Buffer.from(options.merchantSeedHex, 'hex');
    if (seed.length !== 32) throw new RangeError('merchantSeedHex must be 32 bytes of hex');
    return keyPairFromSeed(seed);
  }
  return keyPairFromSeed(randomBytes(32));
}

// The sandbox appends every transaction to an array it never trims (and reverses it in place on each
// getTransactions call). The dev chain keeps its own bounded index, so it empties that array.
function forgetSandboxTransactions(chain: Blockchain): void {
  (chain as unknown as { transactions: unknown[] }).transactions.length = 0;
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const exit = /Exit code: (\d+)/.exec(text);
  return `${text.split('\n')[0]}${exit ? ` (exit code ${exit[1]})` : ''}`;
}
