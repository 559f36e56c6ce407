import { Address, beginCell, contractAddress, toNano, type Cell, type StateInit, type TupleItem } from '@ton/core';
import { commentForwardPayload } from '../../../core/payments/jetton-forward-payload';
import { JETTON_PAYMENT_ATTACHED_NANO, JETTON_PAYMENT_FORWARD_NANO } from '../../../core/payments/jetton-payment-transfer';
import { buildJettonTransferBody } from '../../../core/payments/jetton-transfer-body';
import type { DevTransferRequest, DevWalletInfo } from './dev-wallet';
import { DevTransferInvalidError, DevWalletNotFoundError } from './errors';
import { jettonMinterInit, jettonMintBody, type JettonMetadata } from './jetton-contracts';
import type { IndexedTransaction } from './transaction-index';

/** A jetton deployed on the dev chain: its master (minter) and what it says of itself. */
export interface DevJetton extends JettonMetadata {
  /** Raw `0:<hex>` of the jetton master. */
  master: string;
  /** Bounceable user-friendly form (a contract's address is given so). */
  masterFriendly: string;
}

/** What a dev wallet's jetton transfer asks for: `amount` in elementary units to a new owner. */
export interface DevJettonTransferRequest {
  /** The jetton master, any address form. */
  master: string;
  amount: bigint;
  /** The new owner: a main wallet, not a jetton wallet. */
  destination: string;
  /** The text comment in the forward payload (in a reference), e.g. `bz:<CODE>`; none when absent. */
  comment?: string;
  queryId?: bigint;
}

/** The few chain operations jettons need, lent by the dev chain (its queue, its index, its clock). */
export interface JettonChainAccess {
  readonly admin: Address;
  readonly testOnly: boolean;
  /** A bounceable message from the admin (the faucet), recorded in the index. */
  sendFromAdmin(to: Address, valueNano: bigint, body: Cell, init?: StateInit): Promise<IndexedTransaction[]>;
  runGetMethod(address: string, method: string, args: TupleItem[]): Promise<{ exitCode: number; stack: TupleItem[] }>;
  devWallet(id: string): DevWalletInfo | null;
  sendTransactionRecorded(walletId: string, request: DevTransferRequest): Promise<{ boc: string; transactions: IndexedTransaction[] }>;
  nowSeconds(): number;
}

/** The dev USDT: 6 decimals, as USDT on TON. */
export const DEV_USDT: JettonMetadata = { name: 'Dev Tether USD', symbol: 'USDT', decimals: 6 };

// What the minter passes to a new jetton wallet for its deployment and storage; the excess comes back.
const MINT_WALLET_TON_NANO = toNano('0.05');
const MINT_ATTACHED_NANO = toNano('0.1');
const DEPLOY_MINTER_NANO = toNano('1');
const MAX_MINT = 10n ** 18n;

/** The dev chain's jettons: real TEP-74 minters and wallets, the faucet as every minter's admin. */
export class DevJettons {
  private readonly deployed = new Map<string, DevJetton>();
  private usdtPromise: Promise<DevJetton> | null = null;
  private queryId = 0n;

  constructor(private readonly chain: JettonChainAccess) {}

  /** The dev USDT, deployed on first use. */
  usdt(): Promise<DevJetton> {
    // A failed deployment is tried again on the next call rather than remembered.
    this.usdtPromise ??= this.deploy(DEV_USDT).catch((error: unknown) => {
      this.usdtPromise = null;
      throw error;
    });
    return this.usdtPromise;
  }

  /** Deploys a jetton minter (its address follows from the metadata: the same metadata is the same jetton). */
  async deploy(metadata: JettonMetadata): Promise<DevJetton> {
    const init = jettonMinterInit(this.chain.admin, metadata);
    const address = contractAddress(0, init);
    const known = this.deployed.get(address.toRawString());
    if (known) return known;
    await this.chain.sendFromAdmin(address, DEPLOY_MINTER_NANO, beginCell().endCell(), init);
    const jetton: DevJetton = {
      ...metadata,
      master: address.toRawString(),
      masterFriendly: address.toString({ bounceable: true, testOnly: this.chain.testOnly }),
    };
    this.deployed.set(jetton.master, jetton);
    return jetton;
  }

  /** Mints `amount` elementary units of a deployed jetton to `owner` (the faucet). @throws DevTransferInvalidError */
  async mint(master: string, owner: string, amount: bigint): Promise<IndexedTransaction[]> {
    const minter = this.known(master);
    if (amount <= 0n || amount > MAX_MINT) throw new DevTransferInvalidError(`the jetton faucet gives 1 to ${MAX_MINT} elementary units`);
    const body = jettonMintBody({
      queryId: this.nextQueryId(),
      owner: parseAddress(owner, 'owner'),
      amount,
      admin: this.chain.admin,
      walletTonNano: MINT_WALLET_TON_NANO,
    });
    return this.chain.sendFromAdmin(Address.parse(minter.master), MINT_ATTACHED_NANO, body);
  }

  /** `get_wallet_address(owner)` on the master: the owner's jetton wallet, raw form. @throws DevTransferInvalidError */
  async walletAddress(master: string, owner: string): Promise<string> {
    const ownerSlice = beginCell().storeAddress(parseAddress(owner, 'owner')).endCell();
    const result = await this.chain.runGetMethod(master, 'get_wallet_address', [{ type: 'slice', cell: ownerSlice }]);
    const top = result.stack[0];
    if (result.exitCode !== 0 || !top || top.type !== 'slice')
      throw new DevTransferInvalidError(`get_wallet_address failed on ${master} (exit code ${result.exitCode})`);
    return top.cell.beginParse().loadAddress().toRawString();
  }

  /** The owner's balance in elementary units (`get_wallet_data` on their jetton wallet); 0 before it exists. */
  async balance(master: string, owner: string): Promise<bigint> {
    const wallet = await this.walletAddress(master, owner);
    const result = await this.chain.runGetMethod(wallet, 'get_wallet_data', []);
    const top = result.stack[0];
    return result.exitCode === 0 && top?.type === 'int' ? top.value : 0n;
  }

  /**
   * A dev wallet sends a TEP-74 `transfer` built by the core to its own jetton wallet (bounceable, 0.05 TON
   * attached, 1-nanoton forward, comment in a reference), as TON Connect's raw message asks a wallet app to.
   * @throws DevWalletNotFoundError, DevTransferInvalidError
   */
  async transfer(walletId: string, request: DevJettonTransferRequest): Promise<{ boc: string; transactions: IndexedTransaction[] }> {
    const wallet = this.chain.devWallet(walletId);
    if (!wallet) throw new DevWalletNotFoundError();
    this.known(request.master);
    const source = await this.walletAddress(request.master, wallet.address);
    const body = buildJettonTransferBody({
      queryId: request.queryId ?? this.nextQueryId(),
      amount: request.amount,
      destination: parseAddress(request.destination, 'destination'),
      responseDestination: Address.parse(wallet.address),
      forwardTonAmountNano: JETTON_PAYMENT_FORWARD_NANO,
      forwardPayload: request.comment === undefined ? null : commentForwardPayload(request.comment),
    });
    return this.chain.sendTransactionRecorded(walletId, {
      messages: [
        {
          address: Address.parse(source).toString({ bounceable: true, testOnly: this.chain.testOnly }),
          amount: JETTON_PAYMENT_ATTACHED_NANO.toString(),
          payload: body.toBoc().toString('base64'),
        },
      ],
      validUntil: this.chain.nowSeconds() + 60,
    });
  }

  private known(master: string): DevJetton {
    const jetton = this.deployed.get(parseAddress(master, 'master').toRawString());
    if (!jetton) throw new DevTransferInvalidError('no jetton with this master on the dev chain');
    return jetton;
  }

  private nextQueryId(): bigint {
    return ++this.queryId;
  }
}

function parseAddress(text: string, what: string): Address {
  try {
    return Address.parse(text.trim());
  } catch {
    throw new DevTransferInvalidError(`${what} is not a TON address`);
  }
}
