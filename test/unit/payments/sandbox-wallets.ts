import { beginCell, type Cell, external, internal, SendMode, storeMessage, toNano, type Address, type MessageRelaxed } from '@ton/core';
import { keyPairFromSeed, type KeyPair } from '@ton/crypto';
import { Blockchain, type BlockchainTransaction } from '@ton/sandbox';
import { WalletContractV3R2, WalletContractV4, WalletContractV5R1 } from '@ton/ton';

export type SandboxWalletVersion = 'v5r1' | 'v4r2' | 'v3r2';

/** A real standard wallet on a sandbox chain, signing real external messages. */
export interface SandboxWallet {
  version: SandboxWalletVersion;
  address: Address;
  keyPair: KeyPair;
  /** The signed external message for a transfer, with state init when `withInit`; not sent. */
  signTransfer(args: { seqno: number; messages: MessageRelaxed[]; withInit?: boolean; validUntil?: number }): Cell;
}

export function seededKeyPair(seedByte: number): KeyPair {
  return keyPairFromSeed(Buffer.alloc(32, seedByte));
}

export function sandboxWallet(version: SandboxWalletVersion, keyPair: KeyPair): SandboxWallet {
  type TransferArgs = { seqno: number; secretKey: Buffer; messages: MessageRelaxed[]; sendMode: SendMode; timeout?: number };
  let contract: { address: Address; init: { code: Cell; data: Cell } };
  let createTransfer: (args: TransferArgs) => Cell;
  if (version === 'v5r1') {
    const wallet = WalletContractV5R1.create({ workchain: 0, publicKey: keyPair.publicKey });
    [contract, createTransfer] = [wallet, (args) => wallet.createTransfer(args)];
  } else if (version === 'v4r2') {
    const wallet = WalletContractV4.create({ workchain: 0, publicKey: keyPair.publicKey });
    [contract, createTransfer] = [wallet, (args) => wallet.createTransfer(args)];
  } else {
    const wallet = WalletContractV3R2.create({ workchain: 0, publicKey: keyPair.publicKey });
    [contract, createTransfer] = [wallet, (args) => wallet.createTransfer(args)];
  }
  return {
    version,
    address: contract.address,
    keyPair,
    signTransfer({ seqno, messages, withInit = false, validUntil }) {
      const body = createTransfer({ seqno, secretKey: keyPair.secretKey, messages, sendMode: SendMode.PAY_GAS_SEPARATELY, timeout: validUntil });
      const message = external({ to: contract.address, init: withInit ? contract.init : undefined, body });
      return beginCell().store(storeMessage(message)).endCell();
    },
  };
}

/** A transfer with a text comment, as a wallet app builds it from a TON Connect request. */
export function commentTransfer(to: Address, valueNano: bigint, comment: string, bounce = false): MessageRelaxed {
  return internal({ to, value: valueNano, body: comment, bounce });
}

/** A sandbox chain with a funded faucet that can pay any address. */
export async function sandboxChain(): Promise<{ chain: Blockchain; fund(address: Address, valueNano?: bigint): Promise<void> }> {
  const chain = await Blockchain.create();
  const faucet = await chain.treasury('faucet', { balance: toNano('1000000') });
  return {
    chain,
    async fund(address, valueNano = toNano('100')) {
      await faucet.send({ to: address, value: valueNano, bounce: false });
    },
  };
}

/** The in-message cell of a transaction, read from the transaction cell itself (not re-serialized). */
export function inMessageCell(tx: BlockchainTransaction): Cell | null {
  const messages = tx.raw.refs[0];
  if (!messages) return null;
  const slice = messages.beginParse();
  return slice.loadBit() ? slice.loadRef() : null;
}
